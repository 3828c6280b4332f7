#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "util/result.h"

// One step of a scripted engine session, written "name,arg,arg…" (e.g. "chat,0,254,hello all"). A text or
// data argument comes last and takes the rest of the step, commas included.
struct FakeEvent
{
    enum class Kind
    {
        Join,         // join,<player>
        Left,         // left,<player>,<reason>
        Chat,         // chat,<from>,<destination>,<text>
        SecretChat,   // secretchat,<from>,<destination>,<text>
        Defeated,     // defeated,<player>
        StartPlaying, // startplaying
        GameOver,     // gameover,<reporter>,<winner>[,<winner>…]
        Ready,        // ready,<player>,<state>
        LuaMsg,       // luamsg,<player>,<script>,<mode: number, a or s>,<base64 data>
        TeamStat,     // teamstat,<team>
        Message,      // message,<text>
        Warning,      // warning,<text>
        Quit,         // quit
        Flood,        // flood,<count>: that many SERVER_MESSAGEs at once
        Stream,       // stream,<count>,<per second>: that many SERVER_MESSAGEs at a steady rate
        Garbage,      // garbage
        Wait,         // wait,<milliseconds>
    };

    Kind kind = Kind::Quit;
    QList<int> numbers;
    QByteArray text;

    static Result<FakeEvent> parse(const QString &step);
    static Result<QList<FakeEvent>> parseAll(const QStringList &steps);
};
