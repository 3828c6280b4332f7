#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "util/result.h"

// The text datagrams the autohost sends to the engine (engine notes §3.4, §5, §6). One datagram carries one
// chat line or one command; nothing built here can smuggle in a second command.
class EngineCommands
{
public:
    // The engine's chat limit in bytes.
    static constexpr int MaxChatBytes = 127;

    // Chat from the host to everyone. Text over MaxChatBytes is split at UTF-8 character boundaries into
    // several datagrams so that nothing is lost; every datagram that would start with '/' gets the "//"
    // escape and still fits the limit. Control characters are not allowed in the text (the caller validates);
    // empty text → none.
    static QList<QByteArray> chat(const QString &text);

    // "/<command> <arg> <arg> …". The command must match ^[a-z0-9_-]+$; every argument must be non-empty and
    // free of "//", NUL, CR and LF; every argument but the last must also be free of white space. Errors name
    // the offending part: "command: …" or "arguments[2]: …".
    static Result<QByteArray> command(const QString &command, const QStringList &arguments = {});

    static QByteArray kill();                                         // "/kill"
    static QByteArray kickByNumber(int player);                       // "/kickbynum 3"
    static QByteArray specByNumber(int player);                       // "/specbynum 3"
    static QByteArray muteByNumber(int player, bool chat, bool draw); // "/mutebynum 3 1 0"
    // "/adduser <name> <password> 1": a new spectator. Name and password must be valid tokens (TdfText).
    static QByteArray addSpectator(const QString &name, const QString &password);
    // "/adduser <name> <password>": changes the password of a user the engine already knows.
    static QByteArray changePassword(const QString &name, const QString &password);
};
