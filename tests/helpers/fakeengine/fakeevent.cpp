#include "fakeevent.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
struct Syntax
{
    QString name;
    FakeEvent::Kind kind;
    int numberCount;  // fixed number arguments before an optional text
    bool text;        // a text argument follows
    bool moreNumbers; // any count of further numbers (the winners of gameover)
};

const QList<Syntax> &syntaxes()
{
    using Kind = FakeEvent::Kind;
    static const QList<Syntax> list{
        {u"join"_s, Kind::Join, 1, false, false},
        {u"left"_s, Kind::Left, 2, false, false},
        {u"chat"_s, Kind::Chat, 2, true, false},
        {u"secretchat"_s, Kind::SecretChat, 2, true, false},
        {u"defeated"_s, Kind::Defeated, 1, false, false},
        {u"startplaying"_s, Kind::StartPlaying, 0, false, false},
        {u"gameover"_s, Kind::GameOver, 1, false, true},
        {u"ready"_s, Kind::Ready, 2, false, false},
        {u"luamsg"_s, Kind::LuaMsg, 3, true, false},
        {u"teamstat"_s, Kind::TeamStat, 1, false, false},
        {u"message"_s, Kind::Message, 0, true, false},
        {u"warning"_s, Kind::Warning, 0, true, false},
        {u"quit"_s, Kind::Quit, 0, false, false},
        {u"flood"_s, Kind::Flood, 1, false, false},
        {u"stream"_s, Kind::Stream, 2, false, false},
        {u"garbage"_s, Kind::Garbage, 0, false, false},
        {u"wait"_s, Kind::Wait, 1, false, false},
    };
    return list;
}

// The largest value of each number argument: bytes on the wire, except script (u16) and counts/durations.
int numberLimit(FakeEvent::Kind kind, int index)
{
    switch (kind)
    {
    case FakeEvent::Kind::LuaMsg:
        return index == 1 ? 0xffff : 0xff;
    case FakeEvent::Kind::Flood:
        return 100000;
    case FakeEvent::Kind::Stream:
        return 10000000;
    case FakeEvent::Kind::Wait:
        return 3600000;
    default:
        return 0xff;
    }
}
} // namespace

Result<FakeEvent> FakeEvent::parse(const QString &step)
{
    const QStringList parts = step.split(u',');
    const auto syntax =
        std::find_if(syntaxes().begin(), syntaxes().end(),
                     [&](const Syntax &s) { return s.name == parts.first().trimmed().toLower(); });
    if (syntax == syntaxes().end())
    {
        return fail(u"unknown event \""_s + parts.first() + u'"');
    }
    FakeEvent event;
    event.kind = syntax->kind;
    const qsizetype fixed = syntax->numberCount;
    if (parts.size() - 1 < fixed + (syntax->text ? 1 : 0) ||
        (!syntax->text && !syntax->moreNumbers && parts.size() - 1 > fixed))
    {
        return fail(u"wrong number of arguments in \""_s + step + u'"');
    }
    const qsizetype numberEnd = syntax->moreNumbers ? parts.size() : 1 + fixed;
    for (qsizetype i = 1; i < numberEnd; ++i)
    {
        const QString argument = parts[i].trimmed();
        bool ok = false;
        int number = argument.toInt(&ok);
        // A Lua UI mode may be given as its letter.
        if (!ok && event.kind == Kind::LuaMsg && i == 3 && (argument == u"a" || argument == u"s"))
        {
            number = argument[0].unicode();
            ok = true;
        }
        const int limit = numberLimit(event.kind, static_cast<int>(event.numbers.size()));
        if (!ok || number < 0 || number > limit)
        {
            return fail(u"argument "_s + QString::number(i) + u" of \""_s + step +
                        u"\" must be a number from 0 to "_s + QString::number(limit));
        }
        event.numbers.append(number);
    }
    if (syntax->text)
    {
        const QString text = parts.mid(1 + fixed).join(u',');
        if (event.kind == Kind::LuaMsg)
        {
            const auto decoded =
                QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
            {
                return fail(u"the data of \""_s + step + u"\" is not base64"_s);
            }
            event.text = *decoded;
        }
        else
        {
            event.text = text.toUtf8();
        }
    }
    return event;
}

Result<QList<FakeEvent>> FakeEvent::parseAll(const QStringList &steps)
{
    QList<FakeEvent> events;
    for (const QString &step : steps)
    {
        if (step.trimmed().isEmpty())
        {
            continue;
        }
        Result<FakeEvent> event = parse(step);
        if (!event)
        {
            return fail(event.error());
        }
        events.append(std::move(event).value());
    }
    return events;
}
