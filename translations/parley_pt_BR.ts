<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <name>parley::ui::AdminLock</name>
    <message numerus="yes">
        <source>Too many wrong passphrases. Try again in %n second(s).</source>
        <translation>
            <numerusform>Muitas senhas erradas. Tente de novo em %n segundo.</numerusform>
            <numerusform>Muitas senhas erradas. Tente de novo em %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Senha incorreta.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Tente de novo em %n segundo.</numerusform>
            <numerusform>Tente de novo em %n segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>A senha precisa de pelo menos %n caractere.</numerusform>
            <numerusform>A senha precisa de pelo menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no store to keep it in.</source>
        <translation>Não há banco de dados onde guardá-la.</translation>
    </message>
    <message>
        <source>Admin passphrase saved.</source>
        <translation>Senha de administrador salva.</translation>
    </message>
    <message>
        <source>Admin passphrase removed.</source>
        <translation>Senha de administrador removida.</translation>
    </message>
</context>
<context>
    <name>parley::ui::AdminUnlockDialog</name>
    <message>
        <source>Admin passphrase</source>
        <translation>Senha de administrador</translation>
    </message>
    <message>
        <source>%1 is for administrators. Enter the admin passphrase to continue.</source>
        <translation>%1: acesso restrito a administradores. Digite a senha de administrador para continuar.</translation>
    </message>
    <message>
        <source>Passphrase error</source>
        <translation>Erro da senha</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
</context>
<context>
    <name>parley::ui::AdminWorker</name>
    <message>
        <source>The Graph API is not configured: add an access token in Settings.</source>
        <translation>A Graph API não está configurada: adicione um token de acesso nas Configurações.</translation>
    </message>
    <message>
        <source>No WhatsApp Business Account id is configured.</source>
        <translation>Nenhum id de conta do WhatsApp Business configurado.</translation>
    </message>
    <message>
        <source>No access token is configured.</source>
        <translation>Nenhum token de acesso configurado.</translation>
    </message>
    <message>
        <source>No business number or account id is configured.</source>
        <translation>Nenhum número da empresa nem id de conta configurado.</translation>
    </message>
</context>
<context>
    <name>parley::ui::AttachmentChip</name>
    <message>
        <source>Attachment</source>
        <translation>Anexo</translation>
    </message>
    <message>
        <source>Caption (optional)</source>
        <translation>Legenda (opcional)</translation>
    </message>
    <message>
        <source>Attachment caption</source>
        <translation>Legenda do anexo</translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation>Remover o anexo</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>parley::ui::Attachments</name>
    <message>
        <source>Cannot attach %1: the file cannot be read.</source>
        <translation>Não é possível anexar %1: o arquivo não pode ser lido.</translation>
    </message>
    <message>
        <source>Cannot attach %1: WhatsApp does not accept %2 files. It takes JPEG and PNG images, MP4 and 3GPP videos, AAC, AMR, MP3, MP4 and OGG (Opus) audio, PDF, text and Office documents, and WebP stickers.</source>
        <translation>Não é possível anexar %1: o WhatsApp não aceita arquivos %2. Ele aceita imagens JPEG e PNG, vídeos MP4 e 3GPP, áudio AAC, AMR, MP3, MP4 e OGG (Opus), documentos PDF, de texto e do Office, e figurinhas WebP.</translation>
    </message>
    <message>
        <source>Cannot attach %1: the file is empty.</source>
        <translation>Não é possível anexar %1: o arquivo está vazio.</translation>
    </message>
    <message>
        <source>Cannot attach %1: it is %2, and WhatsApp takes %3 up to %4.</source>
        <translation>Não é possível anexar %1: ele tem %2, e o WhatsApp aceita %3 de até %4.</translation>
    </message>
    <message>
        <source>Cannot attach %1: %2.</source>
        <translation>Não é possível anexar %1: %2.</translation>
    </message>
    <message>
        <source>images</source>
        <translation>imagens</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>vídeos</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>áudio</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documentos</translation>
    </message>
    <message>
        <source>stickers</source>
        <translation>figurinhas</translation>
    </message>
    <message>
        <source>The pasted image is empty.</source>
        <translation>A imagem colada está vazia.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved as a PNG file.</source>
        <translation>Não foi possível salvar a imagem colada como arquivo PNG.</translation>
    </message>
</context>
<context>
    <name>parley::ui::CannedReplies</name>
    <message>
        <source>The shortcut is empty.</source>
        <translation>O atalho está vazio.</translation>
    </message>
    <message>
        <source>The shortcut has %1 characters; the limit is %2.</source>
        <translation>O atalho tem %1 caracteres; o limite é %2.</translation>
    </message>
    <message>
        <source>The shortcut may hold only lowercase letters, digits, &quot;_&quot; and &quot;-&quot;.</source>
        <translation>O atalho só pode ter letras minúsculas, dígitos, &quot;_&quot; e &quot;-&quot;.</translation>
    </message>
    <message>
        <source>/%1 is already a canned reply.</source>
        <translation>/%1 já é uma resposta pronta.</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>O texto está vazio.</translation>
    </message>
    <message>
        <source>The text has %1 characters; the limit is %2.</source>
        <translation>O texto tem %1 caracteres; o limite é %2.</translation>
    </message>
    <message>
        <source>This canned reply no longer exists.</source>
        <translation>Esta resposta pronta não existe mais.</translation>
    </message>
</context>
<context>
    <name>parley::ui::CannedRepliesDialog</name>
    <message>
        <source>Canned replies</source>
        <translation>Respostas prontas</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nova</translation>
    </message>
    <message>
        <source>New canned reply</source>
        <translation>Nova resposta pronta</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;xcluir</translation>
    </message>
    <message>
        <source>Delete the canned reply</source>
        <translation>Excluir a resposta pronta</translation>
    </message>
    <message>
        <source>thanks</source>
        <translation>obrigado</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atalho</translation>
    </message>
    <message>
        <source>&amp;Shortcut: /</source>
        <translation>A&amp;talho: /</translation>
    </message>
    <message>
        <source>Thank you, {{first_name}}! — {{agent}}</source>
        <translation>Obrigado, {{first_name}}! — {{agent}}</translation>
    </message>
    <message>
        <source>Canned reply text</source>
        <translation>Texto da resposta pronta</translation>
    </message>
    <message>
        <source>Variables: {{name}} the contact&apos;s profile name, {{first_name}} its first word, {{agent}} your name below, {{number}} the contact&apos;s number (masked), {{date}} today. Anything else stays as typed and is flagged in the composer.</source>
        <translation>Variáveis: {{name}} o nome de perfil do contato, {{first_name}} a primeira palavra dele, {{agent}} o seu nome abaixo, {{number}} o número do contato (mascarado), {{date}} a data de hoje. Qualquer outra coisa fica como foi digitada e é sinalizada no editor.</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>O que está errado</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Save the canned reply</source>
        <translation>Salvar a resposta pronta</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Nome do atendente</translation>
    </message>
    <message>
        <source>How customers see you, e.g. Ana</source>
        <translation>Como os clientes veem você, ex.: Ana</translation>
    </message>
    <message>
        <source>Your &amp;name ({{agent}}):</source>
        <translation>Seu n&amp;ome ({{agent}}):</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>parley::ui::Composer</name>
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
    <message>
        <source>Composer notice</source>
        <translation>Aviso do editor de mensagens</translation>
    </message>
    <message>
        <source>Attach a file, share a location or a contact, build buttons or a list</source>
        <translation>Anexar um arquivo, compartilhar uma localização ou um contato, montar botões ou uma lista</translation>
    </message>
    <message>
        <source>More ways to send</source>
        <translation>Mais formas de enviar</translation>
    </message>
    <message>
        <source>&amp;Attach a file…</source>
        <translation>&amp;Anexar um arquivo…</translation>
    </message>
    <message>
        <source>Reply &amp;buttons or list…</source>
        <translation>&amp;Botões de resposta ou lista…</translation>
    </message>
    <message>
        <source>&amp;Location…</source>
        <translation>&amp;Localização…</translation>
    </message>
    <message>
        <source>&amp;Contact card…</source>
        <translation>&amp;Cartão de contato…</translation>
    </message>
    <message>
        <source>Canned &amp;replies…</source>
        <translation>&amp;Respostas prontas…</translation>
    </message>
    <message>
        <source>Type a message (Enter sends, Shift+Enter for a new line, / for canned replies)</source>
        <translation>Digite uma mensagem (Enter envia, Shift+Enter quebra a linha, / para respostas prontas)</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Respostas prontas</translation>
    </message>
    <message>
        <source>The service window is closed: only a template can be sent.</source>
        <translation>A janela de atendimento está fechada: só é possível enviar um modelo.</translation>
    </message>
    <message>
        <source>There is no room for the pasted image.</source>
        <translation>Não há espaço para a imagem colada.</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>Enviando %1…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Anexar um arquivo</translation>
    </message>
    <message>
        <source>WhatsApp media (*.jpg *.jpeg *.png *.webp *.mp4 *.3gp *.aac *.amr *.mp3 *.m4a *.ogg *.opus *.pdf *.txt *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)</source>
        <translation>Mídia do WhatsApp (*.jpg *.jpeg *.png *.webp *.mp4 *.3gp *.aac *.amr *.mp3 *.m4a *.ogg *.opus *.pdf *.txt *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Not filled in: %1 — edit before sending. Known variables: %2.</source>
        <translation>Não preenchido: %1 — edite antes de enviar. Variáveis conhecidas: %2.</translation>
    </message>
</context>
<context>
    <name>parley::ui::ComposerBackend</name>
    <message>
        <source>Sending is not configured: add an access token in Settings.</source>
        <translation>O envio não está configurado: adicione um token de acesso nas Configurações.</translation>
    </message>
</context>
<context>
    <name>parley::ui::ComposerController</name>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 não foi enviado: %2</translation>
    </message>
    <message>
        <source>The text was not sent: %1</source>
        <translation>O texto não foi enviado: %1</translation>
    </message>
    <message>
        <source>The reaction was not sent: %1</source>
        <translation>A reação não foi enviada: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::ConnectionTest</name>
    <message>
        <source>Check the access token (it may have expired or lack the whatsapp_business_messaging permission) and save a new one.</source>
        <translation>Verifique o token de acesso (ele pode ter expirado ou não ter a permissão whatsapp_business_messaging) e salve um novo.</translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation>Tente de novo em alguns minutos.</translation>
    </message>
    <message>
        <source>Check the phone number id and the Graph API version.</source>
        <translation>Verifique o id do número de telefone e a versão da Graph API.</translation>
    </message>
    <message>
        <source>Check the Graph base URL and the network.</source>
        <translation>Verifique a URL base da Graph API e a rede.</translation>
    </message>
    <message>
        <source>Meta error %1: %2</source>
        <translation>Erro da Meta %1: %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
    <message>
        <source>missing settings</source>
        <translation>configurações ausentes</translation>
    </message>
    <message>
        <source>Enter the phone number id first.</source>
        <translation>Informe primeiro o id do número de telefone.</translation>
    </message>
    <message>
        <source>Enter the access token first.</source>
        <translation>Informe primeiro o token de acesso.</translation>
    </message>
    <message>
        <source>Connected: %1 (%2), quality %3</source>
        <translation>Conectado: %1 (%2), qualidade %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecida</translation>
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
    <name>parley::ui::ContactCardDialog</name>
    <message>
        <source>Share a contact</source>
        <translation>Compartilhar um contato</translation>
    </message>
    <message>
        <source>e.g. Support team</source>
        <translation>ex.: Equipe de suporte</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Nome do contato</translation>
    </message>
    <message>
        <source>One per line, with the country code: +1 650 555 1234</source>
        <translation>Um por linha, com o código do país: +55 11 5555 1234</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Números de telefone</translation>
    </message>
    <message>
        <source>Optional, one per line</source>
        <translation>Opcional, um por linha</translation>
    </message>
    <message>
        <source>Email addresses</source>
        <translation>Endereços de e-mail</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>&amp;Telefones:</translation>
    </message>
    <message>
        <source>&amp;Emails:</source>
        <translation>&amp;E-mails:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>Em&amp;presa:</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>O que está errado</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the contact card</source>
        <translation>Enviar o cartão de contato</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>Informe o nome do contato.</translation>
    </message>
    <message>
        <source>Enter at least one phone number.</source>
        <translation>Informe pelo menos um número de telefone.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number (digits, spaces, + ( ) - only).</source>
        <translation>&quot;%1&quot; não é um número de telefone (só dígitos, espaços, + ( ) -).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>&quot;%1&quot; não é um endereço de e-mail.</translation>
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
            <numerusform>%1: %2, %n não lida(s)</numerusform>
            <numerusform>%1: %2, %n não lida(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parley::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to Parley</source>
        <translation>Bem-vindo ao Parley</translation>
    </message>
    <message>
        <source>Try the &amp;demo (a simulated WhatsApp, no account needed)</source>
        <translation>Experimentar a &amp;demonstração (um WhatsApp simulado, sem precisar de conta)</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Experimentar a demonstração</translation>
    </message>
    <message>
        <source>Connect a &amp;WhatsApp Business account</source>
        <translation>Conectar uma conta do &amp;WhatsApp Business</translation>
    </message>
    <message>
        <source>Connect a WhatsApp Business account</source>
        <translation>Conectar uma conta do WhatsApp Business</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Boas-vindas</translation>
    </message>
    <message>
        <source>Parley answers WhatsApp customers from your desktop through Meta&apos;s Cloud API.</source>
        <translation>O Parley atende clientes do WhatsApp no seu computador pela API de Nuvem da Meta.</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Sua conta</translation>
    </message>
    <message>
        <source>From Meta&apos;s App Dashboard, WhatsApp ▸ API Setup. The access token is kept in the system keychain, never in a settings file.</source>
        <translation>No painel de apps da Meta, WhatsApp ▸ Configuração da API. O token de acesso fica no chaveiro do sistema, nunca em um arquivo de configurações.</translation>
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
        <source>Phone number id(s)</source>
        <translation>Id(s) do número de telefone</translation>
    </message>
    <message>
        <source>one or more, separated by commas</source>
        <translation>um ou mais, separados por vírgulas</translation>
    </message>
    <message>
        <source>WhatsApp Business Account id</source>
        <translation>Id da conta do WhatsApp Business</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acesso</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testar conexão</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar conexão</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado do teste de conexão</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testando…</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Meta delivers incoming messages and statuses to Parley&apos;s webhook receiver. Use the same verify token in the App Dashboard.</source>
        <translation>A Meta entrega as mensagens recebidas e os status ao receptor de webhooks do Parley. Use o mesmo token de verificação no painel de apps.</translation>
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
        <source>Webhook listen address</source>
        <translation>Endereço de escuta do webhook</translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation>guardado no chaveiro do sistema</translation>
    </message>
    <message>
        <source>The keychain refused the secrets: %1</source>
        <translation>O chaveiro recusou os segredos: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::HealthDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Integridade</translation>
    </message>
    <message>
        <source>Access token: not checked yet</source>
        <translation>Token de acesso: ainda não verificado</translation>
    </message>
    <message>
        <source>Access token validity</source>
        <translation>Validade do token de acesso</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Verificar agora</translation>
    </message>
    <message>
        <source>Check the access token</source>
        <translation>Verificar o token de acesso</translation>
    </message>
    <message>
        <source>Business numbers</source>
        <translation>Números da empresa</translation>
    </message>
    <message>
        <source>Number id</source>
        <translation>Id do número</translation>
    </message>
    <message>
        <source>Display number</source>
        <translation>Número exibido</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualidade</translation>
    </message>
    <message>
        <source>Messaging limit</source>
        <translation>Limite de mensagens</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Vazão</translation>
    </message>
    <message>
        <source>In (1 h)</source>
        <translation>Entrada (1 h)</translation>
    </message>
    <message>
        <source>Out (1 h)</source>
        <translation>Saída (1 h)</translation>
    </message>
    <message>
        <source>Peak / min</source>
        <translation>Pico / min</translation>
    </message>
    <message>
        <source>Health summary</source>
        <translation>Resumo da integridade</translation>
    </message>
    <message>
        <source>Sends per minute</source>
        <translation>Envios por minuto</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>mensagens</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceitos</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>erros</translation>
    </message>
    <message>
        <source>Send latency</source>
        <translation>Latência de envio</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>mean per minute</source>
        <translation>média por minuto</translation>
    </message>
    <message>
        <source>Webhooks per minute</source>
        <translation>Webhooks por minuto</translation>
    </message>
    <message>
        <source>bodies</source>
        <translation>payloads</translation>
    </message>
    <message>
        <source>received</source>
        <translation>recebidos</translation>
    </message>
    <message>
        <source>parse failures</source>
        <translation>falhas de processamento</translation>
    </message>
    <message>
        <source>Webhook lag</source>
        <translation>Atraso dos webhooks</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Refresh the health figures</source>
        <translation>Atualizar os números de integridade</translation>
    </message>
    <message>
        <source>Access token: checking…</source>
        <translation>Token de acesso: verificando…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Access token: &lt;span style=&quot;color:#2e7d32&quot;&gt;valid&lt;/span&gt;&lt;/b&gt; (Graph API answered at %1)</source>
        <translation>&lt;b&gt;Token de acesso: &lt;span style=&quot;color:#2e7d32&quot;&gt;válido&lt;/span&gt;&lt;/b&gt; (a Graph API respondeu às %1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Access token: &lt;span style=&quot;color:#c62828&quot;&gt;not valid&lt;/span&gt;&lt;/b&gt; — %1 (checked at %2)</source>
        <translation>&lt;b&gt;Token de acesso: &lt;span style=&quot;color:#c62828&quot;&gt;inválido&lt;/span&gt;&lt;/b&gt; — %1 (verificado às %2)</translation>
    </message>
    <message>
        <source>Last hour — sends: %1 accepted, %2 errors; latency mean %3, max %4. Webhooks: %5 received, %6 failed to parse (%7 failed rows in the journal, %8 pending); lag mean %9, max %10.</source>
        <translation>Última hora — envios: %1 aceitos, %2 erros; latência média %3, máx. %4. Webhooks: %5 recebidos, %6 com falha no processamento (%7 linhas com falha no registro, %8 pendentes); atraso médio %9, máx. %10.</translation>
    </message>
    <message>
        <source>HIGH (1,000 mps)</source>
        <translation>ALTA (1.000 msg/s)</translation>
    </message>
    <message>
        <source>STANDARD (80 mps)</source>
        <translation>PADRÃO (80 msg/s)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>parley::ui::InteractiveDialog</name>
    <message>
        <source>Reply buttons or list</source>
        <translation>Botões de resposta ou lista</translation>
    </message>
    <message>
        <source>Optional, up to 60 characters</source>
        <translation>Opcional, até 60 caracteres</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Cabeçalho</translation>
    </message>
    <message>
        <source>Required: what the customer reads above the choices</source>
        <translation>Obrigatório: o que o cliente lê acima das opções</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corpo</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Rodapé</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>&amp;Cabeçalho:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>C&amp;orpo:</translation>
    </message>
    <message>
        <source>&amp;Footer:</source>
        <translation>&amp;Rodapé:</translation>
    </message>
    <message>
        <source>Message kind</source>
        <translation>Tipo de mensagem</translation>
    </message>
    <message>
        <source>Title (up to 20 characters)</source>
        <translation>Título (até 20 caracteres)</translation>
    </message>
    <message>
        <source>Id (optional, unique)</source>
        <translation>Id (opcional, único)</translation>
    </message>
    <message>
        <source>Button %1</source>
        <translation>Botão %1</translation>
    </message>
    <message>
        <source>Button %1 title</source>
        <translation>Título do botão %1</translation>
    </message>
    <message>
        <source>Button %1 id</source>
        <translation>Id do botão %1</translation>
    </message>
    <message>
        <source>Reply &amp;buttons</source>
        <translation>&amp;Botões de resposta</translation>
    </message>
    <message>
        <source>Required, up to 20 characters, e.g. Choose a size</source>
        <translation>Obrigatório, até 20 caracteres, ex.: Escolha um tamanho</translation>
    </message>
    <message>
        <source>List button</source>
        <translation>Botão da lista</translation>
    </message>
    <message>
        <source>List b&amp;utton:</source>
        <translation>Bo&amp;tão da lista:</translation>
    </message>
    <message>
        <source>Sections and rows</source>
        <translation>Seções e linhas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Add &amp;section</source>
        <translation>Adicionar &amp;seção</translation>
    </message>
    <message>
        <source>Add &amp;row</source>
        <translation>Adicionar li&amp;nha</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;mover</translation>
    </message>
    <message>
        <source>Add a section</source>
        <translation>Adicionar uma seção</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Adicionar uma linha</translation>
    </message>
    <message>
        <source>Remove the selected section or row</source>
        <translation>Remover a seção ou linha selecionada</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>O que está errado</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the interactive message</source>
        <translation>Enviar a mensagem interativa</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pré-visualização</translation>
    </message>
    <message>
        <source>Section title (needed when there is more than one)</source>
        <translation>Título da seção (necessário quando há mais de uma)</translation>
    </message>
    <message>
        <source>Button %1 %2</source>
        <translation>Botão %1 %2</translation>
    </message>
    <message>
        <source>Section %1, row %2 %3</source>
        <translation>Seção %1, linha %2 %3</translation>
    </message>
    <message>
        <source>Section %1 %2</source>
        <translation>Seção %1 %2</translation>
    </message>
    <message>
        <source>The message</source>
        <translation>A mensagem</translation>
    </message>
    <message>
        <source>The list</source>
        <translation>A lista</translation>
    </message>
    <message>
        <source>The list button</source>
        <translation>O botão da lista</translation>
    </message>
    <message>
        <source>The header</source>
        <translation>O cabeçalho</translation>
    </message>
    <message>
        <source>The body</source>
        <translation>O corpo</translation>
    </message>
    <message>
        <source>The footer</source>
        <translation>O rodapé</translation>
    </message>
</context>
<context>
    <name>parley::ui::JournalModel</name>
    <message>
        <source>valid</source>
        <translation>válida</translation>
    </message>
    <message>
        <source>parsed</source>
        <translation>processado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebido</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Assinatura</translation>
    </message>
    <message>
        <source>Parse</source>
        <translation>Processamento</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
</context>
<context>
    <name>parley::ui::LocationDialog</name>
    <message>
        <source>Share a location</source>
        <translation>Compartilhar uma localização</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Optional, e.g. Our store</source>
        <translation>Opcional, ex.: Nossa loja</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>Nome do local</translation>
    </message>
    <message>
        <source>Optional, e.g. 1 Main St, New York</source>
        <translation>Opcional, ex.: Av. Paulista, 1000, São Paulo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>&amp;Latitude:</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>L&amp;ongitude:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Endereço:</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>O que está errado</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the location</source>
        <translation>Enviar a localização</translation>
    </message>
    <message>
        <source>Enter a latitude and a longitude.</source>
        <translation>Informe uma latitude e uma longitude.</translation>
    </message>
    <message>
        <source>The latitude is not a number.</source>
        <translation>A latitude não é um número.</translation>
    </message>
    <message>
        <source>The longitude is not a number.</source>
        <translation>A longitude não é um número.</translation>
    </message>
    <message>
        <source>The latitude must be between -90 and 90.</source>
        <translation>A latitude deve estar entre -90 e 90.</translation>
    </message>
    <message>
        <source>The longitude must be between -180 and 180.</source>
        <translation>A longitude deve estar entre -180 e 180.</translation>
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
    <message>
        <source>&amp;Lock admin screens</source>
        <translation>&amp;Bloquear telas de administração</translation>
    </message>
    <message>
        <source>Admin screens locked.</source>
        <translation>Telas de administração bloqueadas.</translation>
    </message>
    <message>
        <source>The outbox</source>
        <translation>A caixa de saída</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notificações</translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation>&amp;Modelos…</translation>
    </message>
    <message>
        <source>&amp;Webhook inspector…</source>
        <translation>Inspetor de &amp;webhooks…</translation>
    </message>
    <message>
        <source>&amp;Health…</source>
        <translation>&amp;Integridade…</translation>
    </message>
    <message>
        <source>The admin screens cannot open the store: %1</source>
        <translation>As telas de administração não conseguem abrir o banco de dados: %1</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>The webhook inspector</source>
        <translation>O inspetor de webhooks</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Integridade</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
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
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Salvar como…</translation>
    </message>
    <message>
        <source>Open in map</source>
        <translation>Abrir no mapa</translation>
    </message>
    <message>
        <source>Quoted message</source>
        <translation>Mensagem citada</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Figurinha</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Mensagem de voz</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>download failed</source>
        <translation>falha no download</translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation>ainda não baixado</translation>
    </message>
    <message>
        <source>file not kept on this computer</source>
        <translation>arquivo não guardado neste computador</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>não pode ser exibida</translation>
    </message>
    <message>
        <source>From an ad: %1</source>
        <translation>De um anúncio: %1</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Cartão de contato</translation>
    </message>
    <message>
        <source>Cannot show this image</source>
        <translation>Não é possível exibir esta imagem</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
</context>
<context>
    <name>parley::ui::NotificationCenter</name>
    <message>
        <source>&amp;Show notifications</source>
        <translation>&amp;Mostrar notificações</translation>
    </message>
    <message>
        <source>Also while the window is &amp;focused</source>
        <translation>Também com a janela em &amp;foco</translation>
    </message>
    <message>
        <source>Play a &amp;sound</source>
        <translation>Tocar um &amp;som</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nova mensagem</translation>
    </message>
</context>
<context>
    <name>parley::ui::NotificationSettingsWidget</name>
    <message>
        <source>Show a notification for each new customer message</source>
        <translation>Mostrar uma notificação para cada nova mensagem de cliente</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>Also while Parley is the active window</source>
        <translation>Também quando o Parley é a janela ativa</translation>
    </message>
    <message>
        <source>Notify while focused</source>
        <translation>Notificar com a janela em foco</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Tocar um som</translation>
    </message>
    <message>
        <source>Notification sound</source>
        <translation>Som de notificação</translation>
    </message>
    <message>
        <source>Never for the conversation open in the active window. Without a system tray, notifications show inside the window.</source>
        <translation>Nunca para a conversa aberta na janela ativa. Sem bandeja do sistema, as notificações aparecem dentro da janela.</translation>
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
    <name>parley::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aparência</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir o sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Read receipts and typing</source>
        <translation>Confirmações de leitura e digitação</translation>
    </message>
    <message>
        <source>Seconds before a thread counts as read</source>
        <translation>Segundos até uma conversa contar como lida</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A conversation counts as read once its thread has been open in the active window this long, so an accidental click does not.</source>
        <translation>Uma conversa conta como lida depois que fica aberta na janela ativa por esse tempo, assim um clique acidental não a marca.</translation>
    </message>
    <message>
        <source>Mark read after</source>
        <translation>Marcar como lida após</translation>
    </message>
    <message>
        <source>Tell the customer (blue ticks)</source>
        <translation>Avisar o cliente (tiques azuis)</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Enviar confirmações de leitura</translation>
    </message>
    <message>
        <source>Show the customer that I am typing</source>
        <translation>Mostrar ao cliente que estou digitando</translation>
    </message>
    <message>
        <source>Send the typing indicator</source>
        <translation>Enviar o indicador de digitação</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
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
    <message>
        <source>Settings sections</source>
        <translation>Seções das configurações</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Conta</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testar conexão</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar conexão</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado do teste de conexão</translation>
    </message>
    <message>
        <source>Keep message bodies for (days)</source>
        <translation>Manter o conteúdo das mensagens por (dias)</translation>
    </message>
    <message>
        <source>Forever (retention off)</source>
        <translation>Para sempre (retenção desativada)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <source>Keep message bodies and media</source>
        <translation>Manter conteúdo das mensagens e mídia</translation>
    </message>
    <message>
        <source>Older message texts, captions, raw payloads and cached media are purged once a day. Conversations and message states stay. The same as &lt;tt&gt;parleyctl purge --older-than DAYS&lt;/tt&gt;.</source>
        <translation>Textos, legendas, payloads brutos e mídia em cache de mensagens mais antigas são apagados uma vez por dia. As conversas e os estados das mensagens permanecem. O mesmo que &lt;tt&gt;parleyctl purge --older-than DAYS&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>Mask phone numbers for agent seats</source>
        <translation>Mascarar números de telefone nos postos de atendentes</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidade</translation>
    </message>
    <message>
        <source>Admin passphrase status</source>
        <translation>Status da senha de administrador</translation>
    </message>
    <message>
        <source>New admin passphrase</source>
        <translation>Nova senha de administrador</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nova senha</translation>
    </message>
    <message>
        <source>Repeat the new admin passphrase</source>
        <translation>Repita a nova senha de administrador</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repita a senha</translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation>Remover senha</translation>
    </message>
    <message>
        <source>Remove the admin passphrase</source>
        <translation>Remover a senha de administrador</translation>
    </message>
    <message>
        <source>Admin passphrase message</source>
        <translation>Mensagem da senha de administrador</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administração</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>As duas senhas são diferentes.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>An admin passphrase protects the settings and the admin screens.</source>
        <translation>Uma senha de administrador protege as configurações e as telas de administração.</translation>
    </message>
    <message>
        <source>No admin passphrase: anyone at this seat can change the settings. Set one to lock them.</source>
        <translation>Sem senha de administrador: qualquer pessoa neste posto pode alterar as configurações. Defina uma para bloqueá-las.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Alterar senha</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Definir senha</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testando…</translation>
    </message>
</context>
<context>
    <name>parley::ui::ShortcutsDialog</name>
    <message>
        <source>Send the message (in the composer)</source>
        <translation>Enviar a mensagem (no editor)</translation>
    </message>
    <message>
        <source>New line in the composer</source>
        <translation>Nova linha no editor</translation>
    </message>
    <message>
        <source>Cancel the reply being written</source>
        <translation>Cancelar a resposta em edição</translation>
    </message>
    <message>
        <source>Attach a file (in the composer)</source>
        <translation>Anexar um arquivo (no editor)</translation>
    </message>
    <message>
        <source>/ at the start of the message</source>
        <translation>/ no início da mensagem</translation>
    </message>
    <message>
        <source>Canned replies (Tab or Enter inserts)</source>
        <translation>Respostas prontas (Tab ou Enter insere)</translation>
    </message>
    <message>
        <source>Double-click a message</source>
        <translation>Clique duplo em uma mensagem</translation>
    </message>
    <message>
        <source>Reply to it</source>
        <translation>Responder a ela</translation>
    </message>
    <message>
        <source>Right-click a message</source>
        <translation>Clique com o botão direito em uma mensagem</translation>
    </message>
    <message>
        <source>Reply or react</source>
        <translation>Responder ou reagir</translation>
    </message>
    <message>
        <source>Click a quoted message</source>
        <translation>Clique em uma mensagem citada</translation>
    </message>
    <message>
        <source>Jump to the original</source>
        <translation>Ir para a original</translation>
    </message>
    <message>
        <source>Move through conversations or messages</source>
        <translation>Percorrer conversas ou mensagens</translation>
    </message>
    <message>
        <source>Scroll the thread (older history loads at the top)</source>
        <translation>Rolar a conversa (o histórico mais antigo carrega no topo)</translation>
    </message>
    <message>
        <source>Next control</source>
        <translation>Próximo controle</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Everything Parley does from the keyboard:</source>
        <translation>Tudo o que o Parley faz pelo teclado:</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Atalhos</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Ação</translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplateEditor</name>
    <message>
        <source>New template</source>
        <translation>Novo modelo</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>Problemas em %1</translation>
    </message>
    <message>
        <source>order_update (lowercase letters, digits, underscores)</source>
        <translation>order_update (letras minúsculas, dígitos, sublinhados)</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nome do modelo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Template language</source>
        <translation>Idioma do modelo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>Utilidade</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Autenticação</translation>
    </message>
    <message>
        <source>Template category</source>
        <translation>Categoria do modelo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Positional ({{1}}, {{2}}…)</source>
        <translation>Posicional ({{1}}, {{2}}…)</translation>
    </message>
    <message>
        <source>Named ({{first_name}}…)</source>
        <translation>Nomeado ({{first_name}}…)</translation>
    </message>
    <message>
        <source>Parameter format</source>
        <translation>Formato dos parâmetros</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variáveis</translation>
    </message>
    <message>
        <source>Optional text header, at most 60 characters</source>
        <translation>Cabeçalho de texto opcional, até 60 caracteres</translation>
    </message>
    <message>
        <source>Header text</source>
        <translation>Texto do cabeçalho</translation>
    </message>
    <message>
        <source>Example for its variable</source>
        <translation>Exemplo para a variável dele</translation>
    </message>
    <message>
        <source>Header example</source>
        <translation>Exemplo do cabeçalho</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Cabeçalho</translation>
    </message>
    <message>
        <source>Hi {{1}}, your order {{2}} has shipped. *Bold*, _italic_…</source>
        <translation>Olá {{1}}, seu pedido {{2}} foi enviado. *Negrito*, _itálico_…</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>Texto do corpo</translation>
    </message>
    <message>
        <source>Examples, one per variable, separated by |</source>
        <translation>Exemplos, um por variável, separados por |</translation>
    </message>
    <message>
        <source>Body examples</source>
        <translation>Exemplos do corpo</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corpo</translation>
    </message>
    <message>
        <source>Optional, at most 60 characters, no variables</source>
        <translation>Opcional, até 60 caracteres, sem variáveis</translation>
    </message>
    <message>
        <source>Footer text</source>
        <translation>Texto do rodapé</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Rodapé</translation>
    </message>
    <message>
        <source>One button per line:
Quick reply text
Label | https://shop.example/t/{{1}} | example
Label | +15551234567</source>
        <translation>Um botão por linha:
Texto de resposta rápida
Rótulo | https://shop.example/t/{{1}} | exemplo
Rótulo | +15551234567</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Botões</translation>
    </message>
    <message>
        <source>Submission result</source>
        <translation>Resultado do envio para análise</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Enviar para análise</translation>
    </message>
    <message>
        <source>Submit template for review</source>
        <translation>Enviar o modelo para análise</translation>
    </message>
    <message>
        <source>Preview (filled with the examples)</source>
        <translation>Pré-visualização (preenchida com os exemplos)</translation>
    </message>
    <message>
        <source>Template preview</source>
        <translation>Pré-visualização do modelo</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Submitted: %1</source>
        <translation>Enviado: %1</translation>
    </message>
    <message>
        <source>Meta refused the template: %1</source>
        <translation>A Meta recusou o modelo: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplateListModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualidade</translation>
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
    <name>parley::ui::TemplatesManager</name>
    <message>
        <source>Templates</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Templates status</source>
        <translation>Status dos modelos</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Novo…</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Novo modelo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Excluir modelo</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Sync templates with Meta</source>
        <translation>Sincronizar modelos com a Meta</translation>
    </message>
    <message>
        <source>Deleting %1 (%2)…</source>
        <translation>Excluindo %1 (%2)…</translation>
    </message>
    <message>
        <source>Delete the template %1 in %2?</source>
        <translation>Excluir o modelo %1 em %2?</translation>
    </message>
    <message>
        <source>It is approved: its name cannot be used again for 30 days.</source>
        <translation>Ele está aprovado: o nome não poderá ser usado de novo por 30 dias.</translation>
    </message>
    <message>
        <source>Syncing with Meta…</source>
        <translation>Sincronizando com a Meta…</translation>
    </message>
    <message>
        <source>Submitted for review (Meta answered %1); its status follows Meta&apos;s webhooks.</source>
        <translation>Enviado para análise (a Meta respondeu %1); o status acompanha os webhooks da Meta.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Excluído.</translation>
    </message>
    <message>
        <source>Deleted. %1</source>
        <translation>Excluído. %1</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Não excluído: %1</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n template(s).</source>
        <translation>
            <numerusform>%n modelo sincronizado.</numerusform>
            <numerusform>%n modelos sincronizados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Falha na sincronização: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadActions</name>
    <message>
        <source>Message actions</source>
        <translation>Ações da mensagem</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Responder</translation>
    </message>
    <message>
        <source>R&amp;eact…</source>
        <translation>R&amp;eagir…</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reagir</translation>
    </message>
    <message>
        <source>Remove my reaction</source>
        <translation>Remover minha reação</translation>
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
    <message>
        <source>Save as</source>
        <translation>Salvar como</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 salvo</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>Não foi possível salvar %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::TrayNotifier</name>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message numerus="yes">
        <source>Parley — %n unread message(s)</source>
        <translation>
            <numerusform>Parley — %n mensagem não lida</numerusform>
            <numerusform>Parley — %n mensagens não lidas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parley::ui::WebhookInspector</name>
    <message>
        <source>Webhook inspector</source>
        <translation>Inspetor de webhooks</translation>
    </message>
    <message>
        <source>Journal filter</source>
        <translation>Filtro do registro</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Todas as linhas</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Com falha</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendentes</translation>
    </message>
    <message>
        <source>Journal summary</source>
        <translation>Resumo do registro</translation>
    </message>
    <message>
        <source>Webhook journal</source>
        <translation>Registro de webhooks</translation>
    </message>
    <message>
        <source>Raw webhook body</source>
        <translation>Payload bruto do webhook</translation>
    </message>
    <message>
        <source>Select a row to see the body Meta sent.</source>
        <translation>Selecione uma linha para ver o payload que a Meta enviou.</translation>
    </message>
    <message>
        <source>Replay result</source>
        <translation>Resultado do reprocessamento</translation>
    </message>
    <message>
        <source>Replay selected</source>
        <translation>Reprocessar selecionadas</translation>
    </message>
    <message>
        <source>Replay the selected rows</source>
        <translation>Reprocessar as linhas selecionadas</translation>
    </message>
    <message>
        <source>Replay all failed</source>
        <translation>Reprocessar todas com falha</translation>
    </message>
    <message>
        <source>Replay every failed row</source>
        <translation>Reprocessar todas as linhas com falha</translation>
    </message>
    <message>
        <source>(not JSON: %1)</source>
        <translation>(não é JSON: %1)</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n row(s)…</source>
        <translation>
            <numerusform>Reprocessando %n linha…</numerusform>
            <numerusform>Reprocessando %n linhas…</numerusform>
        </translation>
    </message>
    <message>
        <source>Replaying every failed row…</source>
        <translation>Reprocessando todas as linhas com falha…</translation>
    </message>
    <message>
        <source>Replay stopped: %1</source>
        <translation>Reprocessamento interrompido: %1</translation>
    </message>
    <message>
        <source>Replayed %1 row(s): %2 parsed, %3 failed, %4 event(s).</source>
        <translation>%1 linha(s) reprocessada(s): %2 processada(s), %3 com falha, %4 evento(s).</translation>
    </message>
    <message>
        <source>%1 bodies journaled, %2 failed to parse, %3 pending. Signature refused (not journaled) since start: %4.</source>
        <translation>%1 payloads registrados, %2 com falha no processamento, %3 pendentes. Assinaturas recusadas (não registradas) desde o início: %4.</translation>
    </message>
</context>
<context>
    <name>parley::ui::WindowNotifier</name>
    <message>
        <source>New message notification</source>
        <translation>Notificação de nova mensagem</translation>
    </message>
</context>
</TS>
