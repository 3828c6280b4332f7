#pragma once

#include <functional>

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include "updates/updatebuffer.h"

// The kinds of feed lines, as bits so that a view can show any combination (FeedModel::kinds).
namespace Feed
{
Q_NAMESPACE

enum Kind
{
    Chat = 1,
    JoinLeave = 2,
    LuaMsg = 4,
    Game = 8,     // start, finished, player_defeated
    Engine = 16,  // engine_message, engine_warning, engine_quit, engine_crash, and unknown update types
    Operator = 32 // notes about the operator's own actions
};
Q_ENUM_NS(Kind)

constexpr int AllKinds = Chat | JoinLeave | LuaMsg | Game | Engine | Operator;
} // namespace Feed

// One line of a battle feed, composed from an autohost/update entry. Data first: the update type, the user
// and the text are separate so that views can style and filter them; the text quotes what players and the
// engine said verbatim, and the words around it are in the language of the installed translator when the
// update arrived (English without one, as in headless mode).
struct FeedEntry
{
    Q_DECLARE_TR_FUNCTIONS(FeedEntry)

public:
    // A player's name for a userId; an empty result means unknown (the userId is shown instead).
    using Resolver = std::function<QString(const QString &userId)>;

    qint64 time = 0; // µs since the Unix epoch
    Feed::Kind kind = Feed::Engine;
    QString type; // the update type, e.g. "player_chat"; "note" for operator notes
    QString userId;
    QString author; // the player's name, or the userId when the resolver does not know it
    QString text;
    QString detail; // e.g. a chat's destination ("to allies"), a Lua message's script

    // Longest Lua message text shown, in characters (escapes included).
    static constexpr qsizetype MaxLuaTextLength = 300;

    static FeedEntry fromUpdate(const UpdateBuffer::Entry &entry, const Resolver &resolver);
    static FeedEntry note(qint64 time, const QString &text);

    // Bytes as text: valid printable UTF-8 as is, everything else (control characters, invalid sequences) and
    // the backslash as \xNN; at most maxLength characters, with "…" appended when cut.
    static QString printableText(const QByteArray &bytes, qsizetype maxLength);
};
