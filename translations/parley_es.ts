<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>main</name>
    <message>
        <source>Desktop agent console for the WhatsApp Cloud API</source>
        <translation>Consola de atención para la API de la nube de WhatsApp</translation>
    </message>
    <message>
        <source>Run against the built-in simulator with a temporary store.</source>
        <translation>Ejecuta con el simulador integrado y una base temporal.</translation>
    </message>
    <message>
        <source>The store file.</source>
        <translation>El archivo de la base de datos.</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Muestra la versión.</translation>
    </message>
    <message>
        <source>Parley could not start: %1</source>
        <translation>Parley no pudo iniciar: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::Composer</name>
    <message>
        <source>Type a message (Enter sends, Shift+Enter for a new line)</source>
        <translation>Escribe un mensaje (Intro envía, Mayús+Intro para una línea nueva)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Plantilla…</translation>
    </message>
    <message>
        <source>Send a template</source>
        <translation>Enviar una plantilla</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>The 24-hour service window is closed: only an approved template can reach this customer until they write again.</source>
        <translation>La ventana de atención de 24 horas está cerrada: solo una plantilla aprobada llega a este cliente hasta que vuelva a escribir.</translation>
    </message>
    <message>
        <source>Choose a template…</source>
        <translation>Elegir una plantilla…</translation>
    </message>
    <message>
        <source>Choose a template</source>
        <translation>Elegir una plantilla</translation>
    </message>
    <message>
        <source>Replying to: %1</source>
        <translation>Respondiendo a: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::ConsoleSession</name>
    <message>
        <source>cannot create a temporary directory for the demo store</source>
        <translation>no se pudo crear un directorio temporal para la base de la demostración</translation>
    </message>
    <message>
        <source>Sending is not configured: add an access token in Settings.</source>
        <translation>El envío no está configurado: añade un token de acceso en Configuración.</translation>
    </message>
    <message>
        <source>This contact has neither a phone number nor a user id.</source>
        <translation>Este contacto no tiene número de teléfono ni id de usuario.</translation>
    </message>
</context>
<context>
    <name>parley::ui::ConversationDelegate</name>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
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
        <translation>Tú: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::ConversationListModel</name>
    <message numerus="yes">
        <source>%1: %2, %n unread</source>
        <translation>
            <numerusform>%1: %2, %n sin leer</numerusform><numerusform>%1: %2, %n sin leer</numerusform></translation>
    </message>
</context>
<context>
    <name>parley::ui::MainWindow</name>
    <message>
        <source>Parley — demo</source>
        <translation>Parley — demostración</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Filtrar conversaciones</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Sin leer</translation>
    </message>
    <message>
        <source>Window closing</source>
        <translation>Ventana por cerrar</translation>
    </message>
    <message>
        <source>Window closed</source>
        <translation>Ventana cerrada</translation>
    </message>
    <message>
        <source>Sort conversations</source>
        <translation>Ordenar conversaciones</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Actividad reciente</translation>
    </message>
    <message>
        <source>Window closing soonest</source>
        <translation>Ventana que cierra antes</translation>
    </message>
    <message>
        <source>Business number</source>
        <translation>Número de la empresa</translation>
    </message>
    <message>
        <source>All business numbers</source>
        <translation>Todos los números de la empresa</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>&amp;Buscar mensajes…</translation>
    </message>
    <message>
        <source>Send a &amp;template…</source>
        <translation>Enviar una &amp;plantilla…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Enter: send
Shift+Enter: new line
Ctrl+K or Ctrl+F: search messages
Ctrl+T: send a template
Double-click a message: reply to it
Esc: cancel the reply
Ctrl+Q: quit</source>
        <translation>Intro: enviar
Mayús+Intro: línea nueva
Ctrl+K o Ctrl+F: buscar mensajes
Ctrl+T: enviar una plantilla
Doble clic en un mensaje: responder
Esc: cancelar la respuesta
Ctrl+Q: salir</translation>
    </message>
    <message>
        <source>&amp;About Parley</source>
        <translation>&amp;Acerca de Parley</translation>
    </message>
    <message>
        <source>About Parley</source>
        <translation>Acerca de Parley</translation>
    </message>
    <message>
        <source>Parley %1 — a native desktop agent console for the WhatsApp Cloud API.</source>
        <translation>Parley %1 — una consola de atención nativa para la API de la nube de WhatsApp.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Select a conversation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Selecciona una conversación&lt;/b&gt;</translation>
    </message>
    <message>
        <source>window closes in %1</source>
        <translation>la ventana cierra en %1</translation>
    </message>
    <message>
        <source>window closed</source>
        <translation>ventana cerrada</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>BSUID</source>
        <translation>BSUID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Service window</source>
        <translation>Ventana de atención</translation>
    </message>
    <message>
        <source>open, %1 left</source>
        <translation>abierta, quedan %1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>%1 received, %2 sent</source>
        <translation>%1 recibidos, %2 enviados</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Primer contacto</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation>&amp;Bandeja de salida…</translation>
    </message>
</context>
<context>
    <name>parley::ui::MessageDelegate</name>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Send a template</source>
        <translation>Enviar una plantilla</translation>
    </message>
    <message>
        <source>Re-authenticate</source>
        <translation>Volver a autenticar</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <source>From an ad</source>
        <translation>Desde un anuncio</translation>
    </message>
    <message>
        <source>Original message not available</source>
        <translation>Mensaje original no disponible</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>No entregado</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
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
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation>Cancelar mensaje</translation>
    </message>
</context>
<context>
    <name>parley::ui::SearchDialog</name>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Search every message…</source>
        <translation>Buscar en todos los mensajes…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
</context>
<context>
    <name>parley::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation>guardado en el llavero del sistema</translation>
    </message>
    <message>
        <source>Graph base URL</source>
        <translation>URL base de la Graph API</translation>
    </message>
    <message>
        <source>Graph API version</source>
        <translation>Versión de la Graph API</translation>
    </message>
    <message>
        <source>Phone number id</source>
        <translation>Id del número de teléfono</translation>
    </message>
    <message>
        <source>WhatsApp Business Account id</source>
        <translation>Id de la cuenta de WhatsApp Business</translation>
    </message>
    <message>
        <source>Webhook listen address</source>
        <translation>Dirección de escucha del webhook</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>Secreto de la app</translation>
    </message>
    <message>
        <source>Verify token</source>
        <translation>Token de verificación</translation>
    </message>
    <message>
        <source>The keychain refused the secrets: %1</source>
        <translation>El llavero rechazó los secretos: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplatePickerDialog</name>
    <message>
        <source>Send a template</source>
        <translation>Enviar una plantilla</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Send template</source>
        <translation>Enviar plantilla</translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadModel</name>
    <message>
        <source>[Image]</source>
        <translation>[Imagen]</translation>
    </message>
    <message>
        <source>[Sticker]</source>
        <translation>[Sticker]</translation>
    </message>
    <message>
        <source>[Video]</source>
        <translation>[Video]</translation>
    </message>
    <message>
        <source>[Voice message]</source>
        <translation>[Mensaje de voz]</translation>
    </message>
    <message>
        <source>[Document] %1</source>
        <translation>[Documento] %1</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>[Location]</source>
        <translation>[Ubicación]</translation>
    </message>
    <message>
        <source>[Contact card]</source>
        <translation>[Tarjeta de contacto]</translation>
    </message>
    <message>
        <source>[Contact card] %1</source>
        <translation>[Tarjeta de contacto] %1</translation>
    </message>
    <message>
        <source>[System message]</source>
        <translation>[Mensaje del sistema]</translation>
    </message>
    <message>
        <source>[Template]</source>
        <translation>[Plantilla]</translation>
    </message>
    <message>
        <source>[Unsupported message: %1]</source>
        <translation>[Mensaje no compatible: %1]</translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadView</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
</context>
</TS>