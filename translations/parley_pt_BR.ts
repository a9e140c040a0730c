<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name>main</name>
    <message>
        <source>Desktop agent console for the WhatsApp Cloud API</source>
        <translation>Console de atendimento para a API de Nuvem do WhatsApp</translation>
    </message>
    <message>
        <source>Run against the built-in simulator with a temporary store.</source>
        <translation>Executa com o simulador embutido e um banco temporário.</translation>
    </message>
    <message>
        <source>The store file.</source>
        <translation>O arquivo do banco de dados.</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Mostra a versão.</translation>
    </message>
    <message>
        <source>Parley could not start: %1</source>
        <translation>O Parley não pôde iniciar: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::Composer</name>
    <message>
        <source>Type a message (Enter sends, Shift+Enter for a new line)</source>
        <translation>Digite uma mensagem (Enter envia, Shift+Enter quebra a linha)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Modelo…</translation>
    </message>
    <message>
        <source>Send a template</source>
        <translation>Enviar um modelo</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>The 24-hour service window is closed: only an approved template can reach this customer until they write again.</source>
        <translation>A janela de atendimento de 24 horas está fechada: só um modelo aprovado chega a este cliente até ele escrever de novo.</translation>
    </message>
    <message>
        <source>Choose a template…</source>
        <translation>Escolher um modelo…</translation>
    </message>
    <message>
        <source>Choose a template</source>
        <translation>Escolher um modelo</translation>
    </message>
    <message>
        <source>Replying to: %1</source>
        <translation>Respondendo a: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::ConsoleSession</name>
    <message>
        <source>cannot create a temporary directory for the demo store</source>
        <translation>não foi possível criar um diretório temporário para o banco da demonstração</translation>
    </message>
    <message>
        <source>Sending is not configured: add an access token in Settings.</source>
        <translation>O envio não está configurado: adicione um token de acesso nas Configurações.</translation>
    </message>
    <message>
        <source>This contact has neither a phone number nor a user id.</source>
        <translation>Este contato não tem número de telefone nem id de usuário.</translation>
    </message>
</context>
<context>
    <name>parley::ui::ConversationDelegate</name>
    <message>
        <source>closed</source>
        <translation>fechada</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Você: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::ConversationListModel</name>
    <message numerus="yes">
        <source>%1: %2, %n unread</source>
        <translation>
            <numerusform>%1: %2, %n não lida(s)</numerusform><numerusform>%1: %2, %n não lida(s)</numerusform></translation>
    </message>
</context>
<context>
    <name>parley::ui::MainWindow</name>
    <message>
        <source>Parley — demo</source>
        <translation>Parley — demonstração</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Filtrar conversas</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Não lidas</translation>
    </message>
    <message>
        <source>Window closing</source>
        <translation>Janela fechando</translation>
    </message>
    <message>
        <source>Window closed</source>
        <translation>Janela fechada</translation>
    </message>
    <message>
        <source>Sort conversations</source>
        <translation>Ordenar conversas</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Atividade recente</translation>
    </message>
    <message>
        <source>Window closing soonest</source>
        <translation>Janela fechando primeiro</translation>
    </message>
    <message>
        <source>Business number</source>
        <translation>Número da empresa</translation>
    </message>
    <message>
        <source>All business numbers</source>
        <translation>Todos os números da empresa</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contato</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>&amp;Buscar mensagens…</translation>
    </message>
    <message>
        <source>Send a &amp;template…</source>
        <translation>Enviar um &amp;modelo…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Enter: send
Shift+Enter: new line
Ctrl+K or Ctrl+F: search messages
Ctrl+T: send a template
Double-click a message: reply to it
Esc: cancel the reply
Ctrl+Q: quit</source>
        <translation>Enter: enviar
Shift+Enter: nova linha
Ctrl+K ou Ctrl+F: buscar mensagens
Ctrl+T: enviar um modelo
Clique duplo numa mensagem: responder
Esc: cancelar a resposta
Ctrl+Q: sair</translation>
    </message>
    <message>
        <source>&amp;About Parley</source>
        <translation>&amp;Sobre o Parley</translation>
    </message>
    <message>
        <source>About Parley</source>
        <translation>Sobre o Parley</translation>
    </message>
    <message>
        <source>Parley %1 — a native desktop agent console for the WhatsApp Cloud API.</source>
        <translation>Parley %1 — um console de atendimento nativo para a API de Nuvem do WhatsApp.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Select a conversation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Selecione uma conversa&lt;/b&gt;</translation>
    </message>
    <message>
        <source>window closes in %1</source>
        <translation>a janela fecha em %1</translation>
    </message>
    <message>
        <source>window closed</source>
        <translation>janela fechada</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>BSUID</source>
        <translation>BSUID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <source>Service window</source>
        <translation>Janela de atendimento</translation>
    </message>
    <message>
        <source>open, %1 left</source>
        <translation>aberta, faltam %1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fechada</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>%1 received, %2 sent</source>
        <translation>%1 recebidas, %2 enviadas</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Primeiro contato</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Último contato</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Ferramentas</translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation>&amp;Caixa de saída…</translation>
    </message>
</context>
<context>
    <name>parley::ui::MessageDelegate</name>
    <message>
        <source>Retry</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Send a template</source>
        <translation>Enviar um modelo</translation>
    </message>
    <message>
        <source>Re-authenticate</source>
        <translation>Autenticar de novo</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editada</translation>
    </message>
    <message>
        <source>From an ad</source>
        <translation>De um anúncio</translation>
    </message>
    <message>
        <source>Original message not available</source>
        <translation>Mensagem original indisponível</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Não entregue</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Caixa de saída</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criada</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatário</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último erro</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation>Cancelar mensagem</translation>
    </message>
</context>
<context>
    <name>parley::ui::SearchDialog</name>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensagens</translation>
    </message>
    <message>
        <source>Search every message…</source>
        <translation>Buscar em todas as mensagens…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados da busca</translation>
    </message>
</context>
<context>
    <name>parley::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation>guardado no chaveiro do sistema</translation>
    </message>
    <message>
        <source>Graph base URL</source>
        <translation>URL base da Graph API</translation>
    </message>
    <message>
        <source>Graph API version</source>
        <translation>Versão da Graph API</translation>
    </message>
    <message>
        <source>Phone number id</source>
        <translation>Id do número de telefone</translation>
    </message>
    <message>
        <source>WhatsApp Business Account id</source>
        <translation>Id da conta do WhatsApp Business</translation>
    </message>
    <message>
        <source>Webhook listen address</source>
        <translation>Endereço de escuta do webhook</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acesso</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>Segredo do app</translation>
    </message>
    <message>
        <source>Verify token</source>
        <translation>Token de verificação</translation>
    </message>
    <message>
        <source>The keychain refused the secrets: %1</source>
        <translation>O chaveiro recusou os segredos: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplatePickerDialog</name>
    <message>
        <source>Send a template</source>
        <translation>Enviar um modelo</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pré-visualização</translation>
    </message>
    <message>
        <source>Send template</source>
        <translation>Enviar modelo</translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadModel</name>
    <message>
        <source>[Image]</source>
        <translation>[Imagem]</translation>
    </message>
    <message>
        <source>[Sticker]</source>
        <translation>[Figurinha]</translation>
    </message>
    <message>
        <source>[Video]</source>
        <translation>[Vídeo]</translation>
    </message>
    <message>
        <source>[Voice message]</source>
        <translation>[Mensagem de voz]</translation>
    </message>
    <message>
        <source>[Document] %1</source>
        <translation>[Documento] %1</translation>
    </message>
    <message>
        <source>file</source>
        <translation>arquivo</translation>
    </message>
    <message>
        <source>[Location]</source>
        <translation>[Localização]</translation>
    </message>
    <message>
        <source>[Contact card]</source>
        <translation>[Cartão de contato]</translation>
    </message>
    <message>
        <source>[Contact card] %1</source>
        <translation>[Cartão de contato] %1</translation>
    </message>
    <message>
        <source>[System message]</source>
        <translation>[Mensagem do sistema]</translation>
    </message>
    <message>
        <source>[Template]</source>
        <translation>[Modelo]</translation>
    </message>
    <message>
        <source>[Unsupported message: %1]</source>
        <translation>[Mensagem não suportada: %1]</translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadView</name>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
</context>
</TS>