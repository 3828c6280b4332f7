#pragma once

#include <QDateTime>
#include <QLoggingCategory>

// One logging category per area; filter with QT_LOGGING_RULES (e.g. "autohost.engine.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcConfig)   // autohost.config
Q_DECLARE_LOGGING_CATEGORY(lcTachyon)  // autohost.tachyon: connection, OAuth, frames
Q_DECLARE_LOGGING_CATEGORY(lcRequests) // autohost.requests: request handling
Q_DECLARE_LOGGING_CATEGORY(lcUpdates)  // autohost.updates: update buffer and subscriptions
Q_DECLARE_LOGGING_CATEGORY(lcBattle)   // autohost.battle: battle lifecycle
Q_DECLARE_LOGGING_CATEGORY(lcEngine)   // autohost.engine: engine processes and their UDP interface
Q_DECLARE_LOGGING_CATEGORY(lcEngines)  // autohost.engines: installed engines
Q_DECLARE_LOGGING_CATEGORY(lcContent)  // autohost.content: games and maps found on this machine
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)    // autohost.admin: the admin endpoint (HTTP, WebSocket, logins)
Q_DECLARE_LOGGING_CATEGORY(lcRemote)   // autohost.remote: the links to remote autohosts (RemoteBackend)

// Installs the message handler of the headless program: one line per message on stderr,
// "2026-11-22T10:15:30.123Z INFO  autohost.battle  text" or, in JSON mode, one JSON object per line
// {"time": …, "level": …, "category": …, "message": …}.
// Every message also goes to the active LogRecorder (the desktop app's log view), if there is one.
class LogOutput
{
public:
    enum class Format
    {
        Text,
        Json,
    };
    static void install(Format format);
    // Switches the format of an installed handler (a reloaded logFormat); nothing else changes.
    static void setFormat(Format format);
    // The line for one message, as install() writes it (for tests).
    static QByteArray formatLine(Format format, QtMsgType type, const char *category, const QString &message,
                                 const QDateTime &time);
};
