<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source>Desktop agent console for the WhatsApp Cloud API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run against the built-in simulator with a temporary store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parley could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::AdminLock</name>
    <message numerus="yes">
        <source>Too many wrong passphrases. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>There is no store to keep it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin passphrase saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin passphrase removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::AdminUnlockDialog</name>
    <message>
        <source>Admin passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is for administrators. Enter the admin passphrase to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::AdminWorker</name>
    <message>
        <source>The Graph API is not configured: add an access token in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No WhatsApp Business Account id is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access token is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No business number or account id is configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::AttachmentChip</name>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::Attachments</name>
    <message>
        <source>Cannot attach %1: the file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot attach %1: WhatsApp does not accept %2 files. It takes JPEG and PNG images, MP4 and 3GPP videos, AAC, AMR, MP3, MP4 and OGG (Opus) audio, PDF, text and Office documents, and WebP stickers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot attach %1: the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot attach %1: it is %2, and WhatsApp takes %3 up to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot attach %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stickers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image could not be saved as a PNG file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::CannedReplies</name>
    <message>
        <source>The shortcut is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shortcut has %1 characters; the limit is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shortcut may hold only lowercase letters, digits, &quot;_&quot; and &quot;-&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/%1 is already a canned reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text has %1 characters; the limit is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This canned reply no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::CannedRepliesDialog</name>
    <message>
        <source>Canned replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New canned reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the canned reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thanks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shortcut: /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you, {{first_name}}! — {{agent}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canned reply text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables: {{name}} the contact&apos;s profile name, {{first_name}} its first word, {{agent}} your name below, {{number}} the contact&apos;s number (masked), {{date}} today. Anything else stays as typed and is flagged in the composer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the canned reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How customers see you, e.g. Ana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name ({{agent}}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 24-hour service window is closed: only an approved template can reach this customer until they write again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file, share a location or a contact, build buttons or a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More ways to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply &amp;buttons or list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Location…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canned &amp;replies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message (Enter sends, Shift+Enter for a new line, / for canned replies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service window is closed: only a template can be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no room for the pasted image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp media (*.jpg *.jpeg *.png *.webp *.mp4 *.3gp *.aac *.amr *.mp3 *.m4a *.ogg *.opus *.pdf *.txt *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not filled in: %1 — edit before sending. Known variables: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ComposerBackend</name>
    <message>
        <source>Sending is not configured: add an access token in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ComposerController</name>
    <message>
        <source>%1 was not sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reaction was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ConnectionTest</name>
    <message>
        <source>Check the access token (it may have expired or lack the whatsapp_business_messaging permission) and save a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the phone number id and the Graph API version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the Graph base URL and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meta error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the phone number id first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the access token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 (%2), quality %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ConsoleSession</name>
    <message>
        <source>cannot create a temporary directory for the demo store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending is not configured: add an access token in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact has neither a phone number nor a user id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ContactCardDialog</name>
    <message>
        <source>Share a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Support team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line, with the country code: +1 650 555 1234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Emails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the contact card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number (digits, spaces, + ( ) - only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ConversationDelegate</name>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ConversationListModel</name>
    <message numerus="yes">
        <source>%1: %2, %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parley::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to Parley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo (a simulated WhatsApp, no account needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a &amp;WhatsApp Business account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a WhatsApp Business account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parley answers WhatsApp customers from your desktop through Meta&apos;s Cloud API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Meta&apos;s App Dashboard, WhatsApp ▸ API Setup. The access token is kept in the system keychain, never in a settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number id(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one or more, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp Business Account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meta delivers incoming messages and statuses to Parley&apos;s webhook receiver. Use the same verify token in the App Dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused the secrets: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::HealthDialog</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token: not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messaging limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In (1 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out (1 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak / min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bodies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parse failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the health figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Access token: &lt;span style=&quot;color:#2e7d32&quot;&gt;valid&lt;/span&gt;&lt;/b&gt; (Graph API answered at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Access token: &lt;span style=&quot;color:#c62828&quot;&gt;not valid&lt;/span&gt;&lt;/b&gt; — %1 (checked at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour — sends: %1 accepted, %2 errors; latency mean %3, max %4. Webhooks: %5 received, %6 failed to parse (%7 failed rows in the journal, %8 pending); lag mean %9, max %10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIGH (1,000 mps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STANDARD (80 mps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::InteractiveDialog</name>
    <message>
        <source>Reply buttons or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, up to 60 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: what the customer reads above the choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Footer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title (up to 20 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id (optional, unique)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Button %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Button %1 title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Button %1 id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply &amp;buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, up to 20 characters, e.g. Choose a size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List b&amp;utton:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections and rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected section or row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the interactive message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section title (needed when there is more than one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Button %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section %1, row %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The footer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::JournalModel</name>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::LocationDialog</name>
    <message>
        <source>Share a location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, e.g. Our store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, e.g. 1 Main St, New York</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a latitude and a longitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latitude is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longitude is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latitude must be between -90 and 90.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longitude must be between -180 and 180.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::MainWindow</name>
    <message>
        <source>Parley — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window closing soonest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All business numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Parley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Parley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parley %1 — a native desktop agent console for the WhatsApp Cloud API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Select a conversation&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window closes in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open, %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received, %2 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock admin screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin screens locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhook inspector…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Health…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The admin screens cannot open the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::MessageDelegate</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From an ad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original message not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quoted message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file not kept on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From an ad: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::NotificationCenter</name>
    <message>
        <source>&amp;Show notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also while the window is &amp;focused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a &amp;sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::NotificationSettingsWidget</name>
    <message>
        <source>Show a notification for each new customer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also while Parley is the active window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify while focused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never for the conversation open in the active window. Without a system tray, notifications show inside the window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read receipts and typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds before a thread counts as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conversation counts as read once its thread has been open in the active window this long, so an accidental click does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark read after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the customer (blue ticks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the customer that I am typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the typing indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::SearchDialog</name>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp Business Account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused the secrets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep message bodies for (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forever (retention off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep message bodies and media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older message texts, captions, raw payloads and cached media are purged once a day. Conversations and message states stay. The same as &lt;tt&gt;parleyctl purge --older-than DAYS&lt;/tt&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask phone numbers for agent seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin passphrase status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New admin passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new admin passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the admin passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin passphrase message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An admin passphrase protects the settings and the admin screens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No admin passphrase: anyone at this seat can change the settings. Set one to lock them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ShortcutsDialog</name>
    <message>
        <source>Send the message (in the composer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line in the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the reply being written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file (in the composer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/ at the start of the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canned replies (Tab or Enter inserts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply or react</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a quoted message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move through conversations or messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll the thread (older history loads at the top)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything Parley does from the keyboard:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplateEditor</name>
    <message>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order_update (lowercase letters, digits, underscores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positional ({{1}}, {{2}}…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named ({{first_name}}…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional text header, at most 60 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example for its variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi {{1}}, your order {{2}} has shipped. *Bold*, _italic_…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples, one per variable, separated by |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, at most 60 characters, no variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footer text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One button per line:
Quick reply text
Label | https://shop.example/t/{{1}} | example
Label | +15551234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit template for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview (filled with the examples)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meta refused the template: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplateListModel</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplatePickerDialog</name>
    <message>
        <source>Send a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::TemplatesManager</name>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync templates with Meta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1 (%2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the template %1 in %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is approved: its name cannot be used again for 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with Meta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review (Meta answered %1); its status follows Meta&apos;s webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synced %n template(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadActions</name>
    <message>
        <source>Message actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>React</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove my reaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadModel</name>
    <message>
        <source>[Image]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Sticker]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Video]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Voice message]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Document] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Location]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Contact card]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Contact card] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[System message]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Template]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Unsupported message: %1]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::ThreadView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::TrayNotifier</name>
    <message>
        <source>Parley</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Parley — %n unread message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parley::ui::WebhookInspector</name>
    <message>
        <source>Webhook inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw webhook body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to see the body Meta sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay all failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay every failed row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not JSON: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n row(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Replaying every failed row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed %1 row(s): %2 parsed, %3 failed, %4 event(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bodies journaled, %2 failed to parse, %3 pending. Signature refused (not journaled) since start: %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parley::ui::WindowNotifier</name>
    <message>
        <source>New message notification</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
