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
    <name>parley::ui::Composer</name>
    <message>
        <source>Type a message (Enter sends, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: send
Shift+Enter: new line
Ctrl+K or Ctrl+F: search messages
Ctrl+T: send a template
Double-click a message: reply to it
Esc: cancel the reply
Ctrl+Q: quit</source>
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
</context>
</TS>
