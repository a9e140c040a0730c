<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <name>parley::ui::AdminLock</name>
    <message numerus="yes">
        <source>Too many wrong passphrases. Try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiadas contraseñas incorrectas. Vuelve a intentarlo en %n segundo.</numerusform>
            <numerusform>Demasiadas contraseñas incorrectas. Vuelve a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Contraseña incorrecta.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Vuelve a intentarlo en %n segundo.</numerusform>
            <numerusform>Vuelve a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no store to keep it in.</source>
        <translation>No hay una base de datos donde guardarla.</translation>
    </message>
    <message>
        <source>Admin passphrase saved.</source>
        <translation>Contraseña de administrador guardada.</translation>
    </message>
    <message>
        <source>Admin passphrase removed.</source>
        <translation>Contraseña de administrador eliminada.</translation>
    </message>
</context>
<context>
    <name>parley::ui::AdminUnlockDialog</name>
    <message>
        <source>Admin passphrase</source>
        <translation>Contraseña de administrador</translation>
    </message>
    <message>
        <source>%1 is for administrators. Enter the admin passphrase to continue.</source>
        <translation>%1: acceso solo para administradores. Introduce la contraseña de administrador para continuar.</translation>
    </message>
    <message>
        <source>Passphrase error</source>
        <translation>Error de la contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>parley::ui::AdminWorker</name>
    <message>
        <source>The Graph API is not configured: add an access token in Settings.</source>
        <translation>La Graph API no está configurada: añade un token de acceso en Configuración.</translation>
    </message>
    <message>
        <source>No WhatsApp Business Account id is configured.</source>
        <translation>No hay ningún id de cuenta de WhatsApp Business configurado.</translation>
    </message>
    <message>
        <source>No access token is configured.</source>
        <translation>No hay ningún token de acceso configurado.</translation>
    </message>
    <message>
        <source>No business number or account id is configured.</source>
        <translation>No hay ningún número de la empresa ni id de cuenta configurado.</translation>
    </message>
</context>
<context>
    <name>parley::ui::AttachmentChip</name>
    <message>
        <source>Attachment</source>
        <translation>Adjunto</translation>
    </message>
    <message>
        <source>Caption (optional)</source>
        <translation>Pie de foto (opcional)</translation>
    </message>
    <message>
        <source>Attachment caption</source>
        <translation>Pie de foto del adjunto</translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation>Quitar el adjunto</translation>
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
        <translation>No se puede adjuntar %1: no se puede leer el archivo.</translation>
    </message>
    <message>
        <source>Cannot attach %1: WhatsApp does not accept %2 files. It takes JPEG and PNG images, MP4 and 3GPP videos, AAC, AMR, MP3, MP4 and OGG (Opus) audio, PDF, text and Office documents, and WebP stickers.</source>
        <translation>No se puede adjuntar %1: WhatsApp no acepta archivos %2. Acepta imágenes JPEG y PNG, videos MP4 y 3GPP, audio AAC, AMR, MP3, MP4 y OGG (Opus), documentos PDF, de texto y de Office, y stickers WebP.</translation>
    </message>
    <message>
        <source>Cannot attach %1: the file is empty.</source>
        <translation>No se puede adjuntar %1: el archivo está vacío.</translation>
    </message>
    <message>
        <source>Cannot attach %1: it is %2, and WhatsApp takes %3 up to %4.</source>
        <translation>No se puede adjuntar %1: ocupa %2, y WhatsApp acepta %3 de hasta %4.</translation>
    </message>
    <message>
        <source>Cannot attach %1: %2.</source>
        <translation>No se puede adjuntar %1: %2.</translation>
    </message>
    <message>
        <source>images</source>
        <translation>imágenes</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>videos</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documentos</translation>
    </message>
    <message>
        <source>stickers</source>
        <translation>stickers</translation>
    </message>
    <message>
        <source>The pasted image is empty.</source>
        <translation>La imagen pegada está vacía.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved as a PNG file.</source>
        <translation>No se pudo guardar la imagen pegada como archivo PNG.</translation>
    </message>
</context>
<context>
    <name>parley::ui::CannedReplies</name>
    <message>
        <source>The shortcut is empty.</source>
        <translation>El atajo está vacío.</translation>
    </message>
    <message>
        <source>The shortcut has %1 characters; the limit is %2.</source>
        <translation>El atajo tiene %1 caracteres; el límite es %2.</translation>
    </message>
    <message>
        <source>The shortcut may hold only lowercase letters, digits, &quot;_&quot; and &quot;-&quot;.</source>
        <translation>El atajo solo puede tener letras minúsculas, dígitos, &quot;_&quot; y &quot;-&quot;.</translation>
    </message>
    <message>
        <source>/%1 is already a canned reply.</source>
        <translation>/%1 ya es una respuesta predefinida.</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>El texto está vacío.</translation>
    </message>
    <message>
        <source>The text has %1 characters; the limit is %2.</source>
        <translation>El texto tiene %1 caracteres; el límite es %2.</translation>
    </message>
    <message>
        <source>This canned reply no longer exists.</source>
        <translation>Esta respuesta predefinida ya no existe.</translation>
    </message>
</context>
<context>
    <name>parley::ui::CannedRepliesDialog</name>
    <message>
        <source>Canned replies</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <source>New canned reply</source>
        <translation>Nueva respuesta predefinida</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Delete the canned reply</source>
        <translation>Eliminar la respuesta predefinida</translation>
    </message>
    <message>
        <source>thanks</source>
        <translation>gracias</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>&amp;Shortcut: /</source>
        <translation>&amp;Atajo: /</translation>
    </message>
    <message>
        <source>Thank you, {{first_name}}! — {{agent}}</source>
        <translation>¡Gracias, {{first_name}}! — {{agent}}</translation>
    </message>
    <message>
        <source>Canned reply text</source>
        <translation>Texto de la respuesta predefinida</translation>
    </message>
    <message>
        <source>Variables: {{name}} the contact&apos;s profile name, {{first_name}} its first word, {{agent}} your name below, {{number}} the contact&apos;s number (masked), {{date}} today. Anything else stays as typed and is flagged in the composer.</source>
        <translation>Variables: {{name}} el nombre de perfil del contacto, {{first_name}} su primera palabra, {{agent}} tu nombre de abajo, {{number}} el número del contacto (enmascarado), {{date}} la fecha de hoy. Todo lo demás queda tal como se escribió y se marca en el editor.</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Qué está mal</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the canned reply</source>
        <translation>Guardar la respuesta predefinida</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Nombre del agente</translation>
    </message>
    <message>
        <source>How customers see you, e.g. Ana</source>
        <translation>Cómo te ven los clientes, p. ej., Ana</translation>
    </message>
    <message>
        <source>Your &amp;name ({{agent}}):</source>
        <translation>Tu n&amp;ombre ({{agent}}):</translation>
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
    <message>
        <source>Composer notice</source>
        <translation>Aviso del editor de mensajes</translation>
    </message>
    <message>
        <source>Attach a file, share a location or a contact, build buttons or a list</source>
        <translation>Adjuntar un archivo, compartir una ubicación o un contacto, crear botones o una lista</translation>
    </message>
    <message>
        <source>More ways to send</source>
        <translation>Más formas de enviar</translation>
    </message>
    <message>
        <source>&amp;Attach a file…</source>
        <translation>&amp;Adjuntar un archivo…</translation>
    </message>
    <message>
        <source>Reply &amp;buttons or list…</source>
        <translation>&amp;Botones de respuesta o lista…</translation>
    </message>
    <message>
        <source>&amp;Location…</source>
        <translation>&amp;Ubicación…</translation>
    </message>
    <message>
        <source>&amp;Contact card…</source>
        <translation>&amp;Tarjeta de contacto…</translation>
    </message>
    <message>
        <source>Canned &amp;replies…</source>
        <translation>&amp;Respuestas predefinidas…</translation>
    </message>
    <message>
        <source>Type a message (Enter sends, Shift+Enter for a new line, / for canned replies)</source>
        <translation>Escribe un mensaje (Intro envía, Mayús+Intro para una línea nueva, / para respuestas predefinidas)</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <source>The service window is closed: only a template can be sent.</source>
        <translation>La ventana de atención está cerrada: solo se puede enviar una plantilla.</translation>
    </message>
    <message>
        <source>There is no room for the pasted image.</source>
        <translation>No hay espacio para la imagen pegada.</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>Subiendo %1…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>WhatsApp media (*.jpg *.jpeg *.png *.webp *.mp4 *.3gp *.aac *.amr *.mp3 *.m4a *.ogg *.opus *.pdf *.txt *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)</source>
        <translation>Multimedia de WhatsApp (*.jpg *.jpeg *.png *.webp *.mp4 *.3gp *.aac *.amr *.mp3 *.m4a *.ogg *.opus *.pdf *.txt *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Not filled in: %1 — edit before sending. Known variables: %2.</source>
        <translation>Sin completar: %1 — edítalo antes de enviar. Variables conocidas: %2.</translation>
    </message>
</context>
<context>
    <name>parley::ui::ComposerBackend</name>
    <message>
        <source>Sending is not configured: add an access token in Settings.</source>
        <translation>El envío no está configurado: añade un token de acceso en Configuración.</translation>
    </message>
</context>
<context>
    <name>parley::ui::ComposerController</name>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 no se envió: %2</translation>
    </message>
    <message>
        <source>The text was not sent: %1</source>
        <translation>El texto no se envió: %1</translation>
    </message>
    <message>
        <source>The reaction was not sent: %1</source>
        <translation>La reacción no se envió: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::ConnectionTest</name>
    <message>
        <source>Check the access token (it may have expired or lack the whatsapp_business_messaging permission) and save a new one.</source>
        <translation>Revisa el token de acceso (puede haber caducado o no tener el permiso whatsapp_business_messaging) y guarda uno nuevo.</translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation>Vuelve a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>Check the phone number id and the Graph API version.</source>
        <translation>Revisa el id del número de teléfono y la versión de la Graph API.</translation>
    </message>
    <message>
        <source>Check the Graph base URL and the network.</source>
        <translation>Revisa la URL base de la Graph API y la red.</translation>
    </message>
    <message>
        <source>Meta error %1: %2</source>
        <translation>Error de Meta %1: %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>missing settings</source>
        <translation>faltan ajustes</translation>
    </message>
    <message>
        <source>Enter the phone number id first.</source>
        <translation>Introduce primero el id del número de teléfono.</translation>
    </message>
    <message>
        <source>Enter the access token first.</source>
        <translation>Introduce primero el token de acceso.</translation>
    </message>
    <message>
        <source>Connected: %1 (%2), quality %3</source>
        <translation>Conectado: %1 (%2), calidad %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
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
    <name>parley::ui::ContactCardDialog</name>
    <message>
        <source>Share a contact</source>
        <translation>Compartir un contacto</translation>
    </message>
    <message>
        <source>e.g. Support team</source>
        <translation>p. ej., Equipo de soporte</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Nombre del contacto</translation>
    </message>
    <message>
        <source>One per line, with the country code: +1 650 555 1234</source>
        <translation>Uno por línea, con el código de país: +34 91 555 1234</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Números de teléfono</translation>
    </message>
    <message>
        <source>Optional, one per line</source>
        <translation>Opcional, uno por línea</translation>
    </message>
    <message>
        <source>Email addresses</source>
        <translation>Direcciones de correo</translation>
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
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>&amp;Teléfonos:</translation>
    </message>
    <message>
        <source>&amp;Emails:</source>
        <translation>&amp;Correos:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Empresa:</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Qué está mal</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the contact card</source>
        <translation>Enviar la tarjeta de contacto</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>Introduce el nombre del contacto.</translation>
    </message>
    <message>
        <source>Enter at least one phone number.</source>
        <translation>Introduce al menos un número de teléfono.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number (digits, spaces, + ( ) - only).</source>
        <translation>&quot;%1&quot; no es un número de teléfono (solo dígitos, espacios, + ( ) -).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>&quot;%1&quot; no es una dirección de correo.</translation>
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
            <numerusform>%1: %2, %n sin leer</numerusform>
            <numerusform>%1: %2, %n sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parley::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to Parley</source>
        <translation>Bienvenido a Parley</translation>
    </message>
    <message>
        <source>Try the &amp;demo (a simulated WhatsApp, no account needed)</source>
        <translation>Probar la &amp;demostración (un WhatsApp simulado, sin necesidad de cuenta)</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <source>Connect a &amp;WhatsApp Business account</source>
        <translation>Conectar una cuenta de &amp;WhatsApp Business</translation>
    </message>
    <message>
        <source>Connect a WhatsApp Business account</source>
        <translation>Conectar una cuenta de WhatsApp Business</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Parley answers WhatsApp customers from your desktop through Meta&apos;s Cloud API.</source>
        <translation>Parley atiende a clientes de WhatsApp desde tu escritorio a través de la API de la nube de Meta.</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Tu cuenta</translation>
    </message>
    <message>
        <source>From Meta&apos;s App Dashboard, WhatsApp ▸ API Setup. The access token is kept in the system keychain, never in a settings file.</source>
        <translation>En el panel de apps de Meta, WhatsApp ▸ Configuración de la API. El token de acceso se guarda en el llavero del sistema, nunca en un archivo de configuración.</translation>
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
        <source>Phone number id(s)</source>
        <translation>Id(s) del número de teléfono</translation>
    </message>
    <message>
        <source>one or more, separated by commas</source>
        <translation>uno o más, separados por comas</translation>
    </message>
    <message>
        <source>WhatsApp Business Account id</source>
        <translation>Id de la cuenta de WhatsApp Business</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado de la prueba de conexión</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Meta delivers incoming messages and statuses to Parley&apos;s webhook receiver. Use the same verify token in the App Dashboard.</source>
        <translation>Meta entrega los mensajes entrantes y los estados al receptor de webhooks de Parley. Usa el mismo token de verificación en el panel de apps.</translation>
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
        <source>Webhook listen address</source>
        <translation>Dirección de escucha del webhook</translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation>guardado en el llavero del sistema</translation>
    </message>
    <message>
        <source>The keychain refused the secrets: %1</source>
        <translation>El llavero rechazó los secretos: %1</translation>
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
        <translation>Estado</translation>
    </message>
    <message>
        <source>Access token: not checked yet</source>
        <translation>Token de acceso: aún no comprobado</translation>
    </message>
    <message>
        <source>Access token validity</source>
        <translation>Validez del token de acceso</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Comprobar ahora</translation>
    </message>
    <message>
        <source>Check the access token</source>
        <translation>Comprobar el token de acceso</translation>
    </message>
    <message>
        <source>Business numbers</source>
        <translation>Números de la empresa</translation>
    </message>
    <message>
        <source>Number id</source>
        <translation>Id del número</translation>
    </message>
    <message>
        <source>Display number</source>
        <translation>Número visible</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Messaging limit</source>
        <translation>Límite de mensajes</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Capacidad de envío</translation>
    </message>
    <message>
        <source>In (1 h)</source>
        <translation>Entrada (1 h)</translation>
    </message>
    <message>
        <source>Out (1 h)</source>
        <translation>Salida (1 h)</translation>
    </message>
    <message>
        <source>Peak / min</source>
        <translation>Pico / min</translation>
    </message>
    <message>
        <source>Health summary</source>
        <translation>Resumen del estado</translation>
    </message>
    <message>
        <source>Sends per minute</source>
        <translation>Envíos por minuto</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>mensajes</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptados</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>errores</translation>
    </message>
    <message>
        <source>Send latency</source>
        <translation>Latencia de envío</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>mean per minute</source>
        <translation>media por minuto</translation>
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
        <translation>recibidos</translation>
    </message>
    <message>
        <source>parse failures</source>
        <translation>errores de procesamiento</translation>
    </message>
    <message>
        <source>Webhook lag</source>
        <translation>Retraso de los webhooks</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Refresh the health figures</source>
        <translation>Actualizar las cifras de estado</translation>
    </message>
    <message>
        <source>Access token: checking…</source>
        <translation>Token de acceso: comprobando…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Access token: &lt;span style=&quot;color:#2e7d32&quot;&gt;valid&lt;/span&gt;&lt;/b&gt; (Graph API answered at %1)</source>
        <translation>&lt;b&gt;Token de acceso: &lt;span style=&quot;color:#2e7d32&quot;&gt;válido&lt;/span&gt;&lt;/b&gt; (la Graph API respondió a las %1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Access token: &lt;span style=&quot;color:#c62828&quot;&gt;not valid&lt;/span&gt;&lt;/b&gt; — %1 (checked at %2)</source>
        <translation>&lt;b&gt;Token de acceso: &lt;span style=&quot;color:#c62828&quot;&gt;no válido&lt;/span&gt;&lt;/b&gt; — %1 (comprobado a las %2)</translation>
    </message>
    <message>
        <source>Last hour — sends: %1 accepted, %2 errors; latency mean %3, max %4. Webhooks: %5 received, %6 failed to parse (%7 failed rows in the journal, %8 pending); lag mean %9, max %10.</source>
        <translation>Última hora — envíos: %1 aceptados, %2 errores; latencia media %3, máx. %4. Webhooks: %5 recibidos, %6 no se pudieron procesar (%7 filas fallidas en el registro, %8 pendientes); retraso medio %9, máx. %10.</translation>
    </message>
    <message>
        <source>HIGH (1,000 mps)</source>
        <translation>ALTA (1000 msg/s)</translation>
    </message>
    <message>
        <source>STANDARD (80 mps)</source>
        <translation>ESTÁNDAR (80 msg/s)</translation>
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
        <translation>Botones de respuesta o lista</translation>
    </message>
    <message>
        <source>Optional, up to 60 characters</source>
        <translation>Opcional, hasta 60 caracteres</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <source>Required: what the customer reads above the choices</source>
        <translation>Obligatorio: lo que el cliente lee encima de las opciones</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Pie</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>&amp;Encabezado:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Cuerpo:</translation>
    </message>
    <message>
        <source>&amp;Footer:</source>
        <translation>&amp;Pie:</translation>
    </message>
    <message>
        <source>Message kind</source>
        <translation>Tipo de mensaje</translation>
    </message>
    <message>
        <source>Title (up to 20 characters)</source>
        <translation>Título (hasta 20 caracteres)</translation>
    </message>
    <message>
        <source>Id (optional, unique)</source>
        <translation>Id (opcional, único)</translation>
    </message>
    <message>
        <source>Button %1</source>
        <translation>Botón %1</translation>
    </message>
    <message>
        <source>Button %1 title</source>
        <translation>Título del botón %1</translation>
    </message>
    <message>
        <source>Button %1 id</source>
        <translation>Id del botón %1</translation>
    </message>
    <message>
        <source>Reply &amp;buttons</source>
        <translation>&amp;Botones de respuesta</translation>
    </message>
    <message>
        <source>Required, up to 20 characters, e.g. Choose a size</source>
        <translation>Obligatorio, hasta 20 caracteres, p. ej., Elige una talla</translation>
    </message>
    <message>
        <source>List button</source>
        <translation>Botón de la lista</translation>
    </message>
    <message>
        <source>List b&amp;utton:</source>
        <translation>Bo&amp;tón de la lista:</translation>
    </message>
    <message>
        <source>Sections and rows</source>
        <translation>Secciones y filas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Add &amp;section</source>
        <translation>Añadir &amp;sección</translation>
    </message>
    <message>
        <source>Add &amp;row</source>
        <translation>Añadir &amp;fila</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Add a section</source>
        <translation>Añadir una sección</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Añadir una fila</translation>
    </message>
    <message>
        <source>Remove the selected section or row</source>
        <translation>Quitar la sección o fila seleccionada</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Qué está mal</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the interactive message</source>
        <translation>Enviar el mensaje interactivo</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Section title (needed when there is more than one)</source>
        <translation>Título de la sección (necesario cuando hay más de una)</translation>
    </message>
    <message>
        <source>Button %1 %2</source>
        <translation>Botón %1 %2</translation>
    </message>
    <message>
        <source>Section %1, row %2 %3</source>
        <translation>Sección %1, fila %2 %3</translation>
    </message>
    <message>
        <source>Section %1 %2</source>
        <translation>Sección %1 %2</translation>
    </message>
    <message>
        <source>The message</source>
        <translation>El mensaje</translation>
    </message>
    <message>
        <source>The list</source>
        <translation>La lista</translation>
    </message>
    <message>
        <source>The list button</source>
        <translation>El botón de la lista</translation>
    </message>
    <message>
        <source>The header</source>
        <translation>El encabezado</translation>
    </message>
    <message>
        <source>The body</source>
        <translation>El cuerpo</translation>
    </message>
    <message>
        <source>The footer</source>
        <translation>El pie</translation>
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
        <translation>procesado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Parse</source>
        <translation>Procesamiento</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>parley::ui::LocationDialog</name>
    <message>
        <source>Share a location</source>
        <translation>Compartir una ubicación</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Optional, e.g. Our store</source>
        <translation>Opcional, p. ej., Nuestra tienda</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>Nombre del lugar</translation>
    </message>
    <message>
        <source>Optional, e.g. 1 Main St, New York</source>
        <translation>Opcional, p. ej., Gran Vía 1, Madrid</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>&amp;Latitud:</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>L&amp;ongitud:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Qué está mal</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the location</source>
        <translation>Enviar la ubicación</translation>
    </message>
    <message>
        <source>Enter a latitude and a longitude.</source>
        <translation>Introduce una latitud y una longitud.</translation>
    </message>
    <message>
        <source>The latitude is not a number.</source>
        <translation>La latitud no es un número.</translation>
    </message>
    <message>
        <source>The longitude is not a number.</source>
        <translation>La longitud no es un número.</translation>
    </message>
    <message>
        <source>The latitude must be between -90 and 90.</source>
        <translation>La latitud debe estar entre -90 y 90.</translation>
    </message>
    <message>
        <source>The longitude must be between -180 and 180.</source>
        <translation>La longitud debe estar entre -180 y 180.</translation>
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
    <message>
        <source>&amp;Lock admin screens</source>
        <translation>&amp;Bloquear pantallas de administración</translation>
    </message>
    <message>
        <source>Admin screens locked.</source>
        <translation>Pantallas de administración bloqueadas.</translation>
    </message>
    <message>
        <source>The outbox</source>
        <translation>La bandeja de salida</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notificaciones</translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation>&amp;Plantillas…</translation>
    </message>
    <message>
        <source>&amp;Webhook inspector…</source>
        <translation>&amp;Inspector de webhooks…</translation>
    </message>
    <message>
        <source>&amp;Health…</source>
        <translation>&amp;Estado…</translation>
    </message>
    <message>
        <source>The admin screens cannot open the store: %1</source>
        <translation>Las pantallas de administración no pueden abrir la base de datos: %1</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>The webhook inspector</source>
        <translation>El inspector de webhooks</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Pre&amp;ferencias…</translation>
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
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Open in map</source>
        <translation>Abrir en el mapa</translation>
    </message>
    <message>
        <source>Quoted message</source>
        <translation>Mensaje citado</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Mensaje de voz</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>download failed</source>
        <translation>error en la descarga</translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation>aún no descargado</translation>
    </message>
    <message>
        <source>file not kept on this computer</source>
        <translation>archivo no guardado en este equipo</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>no se puede mostrar</translation>
    </message>
    <message>
        <source>From an ad: %1</source>
        <translation>Desde un anuncio: %1</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Tarjeta de contacto</translation>
    </message>
    <message>
        <source>Cannot show this image</source>
        <translation>No se puede mostrar esta imagen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>parley::ui::NotificationCenter</name>
    <message>
        <source>&amp;Show notifications</source>
        <translation>&amp;Mostrar notificaciones</translation>
    </message>
    <message>
        <source>Also while the window is &amp;focused</source>
        <translation>También con la ventana en &amp;primer plano</translation>
    </message>
    <message>
        <source>Play a &amp;sound</source>
        <translation>Reproducir un &amp;sonido</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Mensaje nuevo</translation>
    </message>
</context>
<context>
    <name>parley::ui::NotificationSettingsWidget</name>
    <message>
        <source>Show a notification for each new customer message</source>
        <translation>Mostrar una notificación por cada mensaje nuevo de un cliente</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Also while Parley is the active window</source>
        <translation>También cuando Parley es la ventana activa</translation>
    </message>
    <message>
        <source>Notify while focused</source>
        <translation>Notificar con la ventana en primer plano</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Reproducir un sonido</translation>
    </message>
    <message>
        <source>Notification sound</source>
        <translation>Sonido de notificación</translation>
    </message>
    <message>
        <source>Never for the conversation open in the active window. Without a system tray, notifications show inside the window.</source>
        <translation>Nunca para la conversación abierta en la ventana activa. Sin bandeja del sistema, las notificaciones se muestran dentro de la ventana.</translation>
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
    <name>parley::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Read receipts and typing</source>
        <translation>Confirmaciones de lectura y escritura</translation>
    </message>
    <message>
        <source>Seconds before a thread counts as read</source>
        <translation>Segundos hasta que una conversación cuenta como leída</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A conversation counts as read once its thread has been open in the active window this long, so an accidental click does not.</source>
        <translation>Una conversación cuenta como leída cuando ha estado abierta en la ventana activa durante ese tiempo, así un clic accidental no la marca.</translation>
    </message>
    <message>
        <source>Mark read after</source>
        <translation>Marcar como leída tras</translation>
    </message>
    <message>
        <source>Tell the customer (blue ticks)</source>
        <translation>Avisar al cliente (marcas azules)</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Enviar confirmaciones de lectura</translation>
    </message>
    <message>
        <source>Show the customer that I am typing</source>
        <translation>Mostrar al cliente que estoy escribiendo</translation>
    </message>
    <message>
        <source>Send the typing indicator</source>
        <translation>Enviar el indicador de escritura</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
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
    <message>
        <source>Settings sections</source>
        <translation>Secciones de la configuración</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado de la prueba de conexión</translation>
    </message>
    <message>
        <source>Keep message bodies for (days)</source>
        <translation>Conservar el contenido de los mensajes durante (días)</translation>
    </message>
    <message>
        <source>Forever (retention off)</source>
        <translation>Para siempre (retención desactivada)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Keep message bodies and media</source>
        <translation>Conservar el contenido de los mensajes y los archivos multimedia</translation>
    </message>
    <message>
        <source>Older message texts, captions, raw payloads and cached media are purged once a day. Conversations and message states stay. The same as &lt;tt&gt;parleyctl purge --older-than DAYS&lt;/tt&gt;.</source>
        <translation>Los textos, pies de foto, payloads sin procesar y archivos multimedia en caché de los mensajes más antiguos se eliminan una vez al día. Las conversaciones y los estados de los mensajes se conservan. Equivale a &lt;tt&gt;parleyctl purge --older-than DAYS&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>Mask phone numbers for agent seats</source>
        <translation>Enmascarar los números de teléfono en los puestos de agente</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Admin passphrase status</source>
        <translation>Estado de la contraseña de administrador</translation>
    </message>
    <message>
        <source>New admin passphrase</source>
        <translation>Nueva contraseña de administrador</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <source>Repeat the new admin passphrase</source>
        <translation>Repite la nueva contraseña de administrador</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repítela</translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation>Eliminar contraseña</translation>
    </message>
    <message>
        <source>Remove the admin passphrase</source>
        <translation>Eliminar la contraseña de administrador</translation>
    </message>
    <message>
        <source>Admin passphrase message</source>
        <translation>Mensaje de la contraseña de administrador</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>An admin passphrase protects the settings and the admin screens.</source>
        <translation>Una contraseña de administrador protege la configuración y las pantallas de administración.</translation>
    </message>
    <message>
        <source>No admin passphrase: anyone at this seat can change the settings. Set one to lock them.</source>
        <translation>Sin contraseña de administrador: cualquiera en este puesto puede cambiar la configuración. Define una para bloquearla.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Definir contraseña</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
</context>
<context>
    <name>parley::ui::ShortcutsDialog</name>
    <message>
        <source>Send the message (in the composer)</source>
        <translation>Enviar el mensaje (en el editor)</translation>
    </message>
    <message>
        <source>New line in the composer</source>
        <translation>Nueva línea en el editor</translation>
    </message>
    <message>
        <source>Cancel the reply being written</source>
        <translation>Cancelar la respuesta que se está escribiendo</translation>
    </message>
    <message>
        <source>Attach a file (in the composer)</source>
        <translation>Adjuntar un archivo (en el editor)</translation>
    </message>
    <message>
        <source>/ at the start of the message</source>
        <translation>/ al principio del mensaje</translation>
    </message>
    <message>
        <source>Canned replies (Tab or Enter inserts)</source>
        <translation>Respuestas predefinidas (Tab o Intro la inserta)</translation>
    </message>
    <message>
        <source>Double-click a message</source>
        <translation>Doble clic en un mensaje</translation>
    </message>
    <message>
        <source>Reply to it</source>
        <translation>Responderlo</translation>
    </message>
    <message>
        <source>Right-click a message</source>
        <translation>Clic derecho en un mensaje</translation>
    </message>
    <message>
        <source>Reply or react</source>
        <translation>Responder o reaccionar</translation>
    </message>
    <message>
        <source>Click a quoted message</source>
        <translation>Clic en un mensaje citado</translation>
    </message>
    <message>
        <source>Jump to the original</source>
        <translation>Ir al original</translation>
    </message>
    <message>
        <source>Move through conversations or messages</source>
        <translation>Recorrer conversaciones o mensajes</translation>
    </message>
    <message>
        <source>Scroll the thread (older history loads at the top)</source>
        <translation>Desplazar la conversación (el historial anterior se carga arriba)</translation>
    </message>
    <message>
        <source>Next control</source>
        <translation>Siguiente control</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Everything Parley does from the keyboard:</source>
        <translation>Todo lo que Parley hace desde el teclado:</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Atajos</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplateEditor</name>
    <message>
        <source>New template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>Problemas en %1</translation>
    </message>
    <message>
        <source>order_update (lowercase letters, digits, underscores)</source>
        <translation>order_update (letras minúsculas, dígitos, guiones bajos)</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nombre de la plantilla</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Template language</source>
        <translation>Idioma de la plantilla</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>Utilidad</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Autenticación</translation>
    </message>
    <message>
        <source>Template category</source>
        <translation>Categoría de la plantilla</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Positional ({{1}}, {{2}}…)</source>
        <translation>Posicional ({{1}}, {{2}}…)</translation>
    </message>
    <message>
        <source>Named ({{first_name}}…)</source>
        <translation>Con nombre ({{first_name}}…)</translation>
    </message>
    <message>
        <source>Parameter format</source>
        <translation>Formato de los parámetros</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Optional text header, at most 60 characters</source>
        <translation>Encabezado de texto opcional, hasta 60 caracteres</translation>
    </message>
    <message>
        <source>Header text</source>
        <translation>Texto del encabezado</translation>
    </message>
    <message>
        <source>Example for its variable</source>
        <translation>Ejemplo para su variable</translation>
    </message>
    <message>
        <source>Header example</source>
        <translation>Ejemplo del encabezado</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <source>Hi {{1}}, your order {{2}} has shipped. *Bold*, _italic_…</source>
        <translation>Hola {{1}}, tu pedido {{2}} se ha enviado. *Negrita*, _cursiva_…</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>Texto del cuerpo</translation>
    </message>
    <message>
        <source>Examples, one per variable, separated by |</source>
        <translation>Ejemplos, uno por variable, separados por |</translation>
    </message>
    <message>
        <source>Body examples</source>
        <translation>Ejemplos del cuerpo</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <source>Optional, at most 60 characters, no variables</source>
        <translation>Opcional, hasta 60 caracteres, sin variables</translation>
    </message>
    <message>
        <source>Footer text</source>
        <translation>Texto del pie</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Pie</translation>
    </message>
    <message>
        <source>One button per line:
Quick reply text
Label | https://shop.example/t/{{1}} | example
Label | +15551234567</source>
        <translation>Un botón por línea:
Texto de respuesta rápida
Etiqueta | https://shop.example/t/{{1}} | ejemplo
Etiqueta | +15551234567</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Botones</translation>
    </message>
    <message>
        <source>Submission result</source>
        <translation>Resultado del envío a revisión</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Enviar a revisión</translation>
    </message>
    <message>
        <source>Submit template for review</source>
        <translation>Enviar la plantilla a revisión</translation>
    </message>
    <message>
        <source>Preview (filled with the examples)</source>
        <translation>Vista previa (con los ejemplos)</translation>
    </message>
    <message>
        <source>Template preview</source>
        <translation>Vista previa de la plantilla</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Submitted: %1</source>
        <translation>Enviada: %1</translation>
    </message>
    <message>
        <source>Meta refused the template: %1</source>
        <translation>Meta rechazó la plantilla: %1</translation>
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
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
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
    <name>parley::ui::TemplatesManager</name>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Templates status</source>
        <translation>Estado de las plantillas</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nueva…</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Eliminar plantilla</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Sync templates with Meta</source>
        <translation>Sincronizar plantillas con Meta</translation>
    </message>
    <message>
        <source>Deleting %1 (%2)…</source>
        <translation>Eliminando %1 (%2)…</translation>
    </message>
    <message>
        <source>Delete the template %1 in %2?</source>
        <translation>¿Eliminar la plantilla %1 en %2?</translation>
    </message>
    <message>
        <source>It is approved: its name cannot be used again for 30 days.</source>
        <translation>Está aprobada: su nombre no se podrá volver a usar durante 30 días.</translation>
    </message>
    <message>
        <source>Syncing with Meta…</source>
        <translation>Sincronizando con Meta…</translation>
    </message>
    <message>
        <source>Submitted for review (Meta answered %1); its status follows Meta&apos;s webhooks.</source>
        <translation>Enviada a revisión (Meta respondió %1); su estado sigue los webhooks de Meta.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Eliminada.</translation>
    </message>
    <message>
        <source>Deleted. %1</source>
        <translation>Eliminada. %1</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>No se eliminó: %1</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n template(s).</source>
        <translation>
            <numerusform>%n plantilla sincronizada.</numerusform>
            <numerusform>%n plantillas sincronizadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Error de sincronización: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadActions</name>
    <message>
        <source>Message actions</source>
        <translation>Acciones del mensaje</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Responder</translation>
    </message>
    <message>
        <source>R&amp;eact…</source>
        <translation>R&amp;eaccionar…</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reaccionar</translation>
    </message>
    <message>
        <source>Remove my reaction</source>
        <translation>Quitar mi reacción</translation>
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
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>No se pudo guardar %1</translation>
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
            <numerusform>Parley — %n mensaje sin leer</numerusform>
            <numerusform>Parley — %n mensajes sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parley::ui::WebhookInspector</name>
    <message>
        <source>Webhook inspector</source>
        <translation>Inspector de webhooks</translation>
    </message>
    <message>
        <source>Journal filter</source>
        <translation>Filtro del registro</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Todas las filas</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Journal summary</source>
        <translation>Resumen del registro</translation>
    </message>
    <message>
        <source>Webhook journal</source>
        <translation>Registro de webhooks</translation>
    </message>
    <message>
        <source>Raw webhook body</source>
        <translation>Payload sin procesar del webhook</translation>
    </message>
    <message>
        <source>Select a row to see the body Meta sent.</source>
        <translation>Selecciona una fila para ver el payload que envió Meta.</translation>
    </message>
    <message>
        <source>Replay result</source>
        <translation>Resultado del reprocesamiento</translation>
    </message>
    <message>
        <source>Replay selected</source>
        <translation>Reprocesar seleccionadas</translation>
    </message>
    <message>
        <source>Replay the selected rows</source>
        <translation>Reprocesar las filas seleccionadas</translation>
    </message>
    <message>
        <source>Replay all failed</source>
        <translation>Reprocesar todas las fallidas</translation>
    </message>
    <message>
        <source>Replay every failed row</source>
        <translation>Reprocesar todas las filas fallidas</translation>
    </message>
    <message>
        <source>(not JSON: %1)</source>
        <translation>(no es JSON: %1)</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n row(s)…</source>
        <translation>
            <numerusform>Reprocesando %n fila…</numerusform>
            <numerusform>Reprocesando %n filas…</numerusform>
        </translation>
    </message>
    <message>
        <source>Replaying every failed row…</source>
        <translation>Reprocesando todas las filas fallidas…</translation>
    </message>
    <message>
        <source>Replay stopped: %1</source>
        <translation>Reprocesamiento detenido: %1</translation>
    </message>
    <message>
        <source>Replayed %1 row(s): %2 parsed, %3 failed, %4 event(s).</source>
        <translation>%1 fila(s) reprocesada(s): %2 procesada(s), %3 fallida(s), %4 evento(s).</translation>
    </message>
    <message>
        <source>%1 bodies journaled, %2 failed to parse, %3 pending. Signature refused (not journaled) since start: %4.</source>
        <translation>%1 payloads registrados, %2 no se pudieron procesar, %3 pendientes. Firmas rechazadas (no registradas) desde el inicio: %4.</translation>
    </message>
</context>
<context>
    <name>parley::ui::WindowNotifier</name>
    <message>
        <source>New message notification</source>
        <translation>Notificación de mensaje nuevo</translation>
    </message>
</context>
</TS>
