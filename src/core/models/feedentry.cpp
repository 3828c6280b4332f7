#include "models/feedentry.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace
{
QString stringField(const Json &update, const char *name)
{
    const auto field = update.find(name);
    if (field == update.end() || !field->is_string())
    {
        return {};
    }
    return toQString(field->get_ref<const std::string &>());
}

QString escapedByte(uchar byte)
{
    return u"\\x%1"_s.arg(uint(byte), 2, 16, QChar(u'0'));
}

QString winnersText(const Json &update)
{
    const auto winners = update.find("winningAllyTeams");
    QStringList allyTeams;
    if (winners != update.end() && winners->is_array())
    {
        for (const Json &allyTeam : *winners)
        {
            if (allyTeam.is_number_integer())
            {
                allyTeams.append(QString::number(allyTeam.get<qint64>()));
            }
        }
    }
    if (allyTeams.isEmpty())
    {
        return FeedEntry::tr("reported the game over");
    }
    // A list, not a count: "ally teams 0, 2" needs no plural forms.
    return (allyTeams.size() == 1 ? FeedEntry::tr("reported the game over, winners: ally team %1")
                                  : FeedEntry::tr("reported the game over, winners: ally teams %1"))
        .arg(allyTeams.join(u", "_s));
}

QString leftText(const QString &reason)
{
    if (reason == u"lost_connection"_s)
    {
        return FeedEntry::tr("lost connection");
    }
    if (reason.isEmpty() || reason == u"left"_s)
    {
        return FeedEntry::tr("left");
    }
    if (reason == u"kicked"_s)
    {
        return FeedEntry::tr("left: kicked");
    }
    return FeedEntry::tr("left: %1").arg(reason);
}

// Whom a chat or a Lua message went to: a group, or a destination this version does not know.
QString audienceText(const QString &audience)
{
    if (audience == u"allies"_s)
    {
        return FeedEntry::tr("to allies");
    }
    if (audience == u"spectators"_s)
    {
        return FeedEntry::tr("to spectators");
    }
    if (audience == u"all"_s)
    {
        return FeedEntry::tr("to all");
    }
    return FeedEntry::tr("to %1").arg(audience);
}

QString luaText(const QString &data)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
    {
        const QString prefix = FeedEntry::tr("(not base64)") + u' ';
        return prefix + FeedEntry::printableText(data.toUtf8(), FeedEntry::MaxLuaTextLength - prefix.size());
    }
    return FeedEntry::printableText(*decoded, FeedEntry::MaxLuaTextLength);
}
} // namespace

FeedEntry FeedEntry::fromUpdate(const UpdateBuffer::Entry &entry, const Resolver &resolver)
{
    const Json update = entry.update();
    const auto name = [&resolver](const QString &userId)
    {
        const QString resolved = userId.isEmpty() || !resolver ? QString() : resolver(userId);
        return resolved.isEmpty() ? userId : resolved;
    };

    FeedEntry line;
    line.time = entry.time;
    line.userId = stringField(update, "userId");
    line.author = name(line.userId);
    const QString type = stringField(update, "type");
    // Known types take the literal, whose text is static: no allocation per line.
    if (type == u"player_chat"_s)
    {
        line.kind = Feed::Chat;
        line.type = u"player_chat"_s;
        line.text = stringField(update, "message");
        const QString destination = stringField(update, "destination");
        if (destination == u"player"_s)
        {
            line.detail = tr("to %1").arg(name(stringField(update, "toUserId")));
        }
        else if (!destination.isEmpty() && destination != u"all"_s)
        {
            line.detail = audienceText(destination);
        }
    }
    else if (type == u"player_joined"_s)
    {
        line.kind = Feed::JoinLeave;
        line.type = u"player_joined"_s;
        const auto number = update.find("playerNumber");
        line.text = number != update.end() && number->is_number_integer()
                        ? tr("joined as player %1").arg(number->get<qint64>())
                        : tr("joined");
    }
    else if (type == u"player_left"_s)
    {
        line.kind = Feed::JoinLeave;
        line.type = u"player_left"_s;
        line.text = leftText(stringField(update, "reason"));
    }
    else if (type == u"player_defeated"_s)
    {
        line.kind = Feed::Game;
        line.type = u"player_defeated"_s;
        line.text = tr("defeated");
    }
    else if (type == u"start"_s)
    {
        line.kind = Feed::Game;
        line.type = u"start"_s;
        line.text = tr("game started");
    }
    else if (type == u"finished"_s)
    {
        line.kind = Feed::Game;
        line.type = u"finished"_s;
        line.text = winnersText(update);
    }
    else if (type == u"luamsg"_s)
    {
        line.kind = Feed::LuaMsg;
        line.type = u"luamsg"_s;
        line.text = luaText(stringField(update, "data"));
        const QString uiMode = stringField(update, "uiMode");
        line.detail = tr("%1 script").arg(stringField(update, "script"));
        if (!uiMode.isEmpty())
        {
            line.detail += u", "_s + audienceText(uiMode);
        }
    }
    else if (type == u"engine_message"_s || type == u"engine_warning"_s)
    {
        line.kind = Feed::Engine;
        line.type = type == u"engine_message"_s ? u"engine_message"_s : u"engine_warning"_s;
        line.text = stringField(update, "message");
    }
    else if (type == u"engine_quit"_s)
    {
        line.kind = Feed::Engine;
        line.type = u"engine_quit"_s;
        line.text = tr("engine quit");
    }
    else if (type == u"engine_crash"_s)
    {
        line.kind = Feed::Engine;
        line.type = u"engine_crash"_s;
        const QString details = stringField(update, "details");
        line.text = details.isEmpty() ? tr("engine crashed") : tr("engine crashed: %1").arg(details);
    }
    else
    {
        // A newer server or engine may know more types; they are shown rather than lost.
        line.kind = Feed::Engine;
        line.type = type;
        line.text = type;
    }
    return line;
}

FeedEntry FeedEntry::note(qint64 time, const QString &text)
{
    FeedEntry line;
    line.time = time;
    line.kind = Feed::Operator;
    line.type = u"note"_s;
    line.text = text;
    return line;
}

QString FeedEntry::printableText(const QByteArray &bytes, qsizetype maxLength)
{
    QString text;
    qsizetype at = 0;
    while (at < bytes.size())
    {
        const auto lead = uchar(bytes.at(at));
        qsizetype length = 0;
        char32_t codePoint = 0;
        char32_t smallest = 0; // overlong encodings are invalid
        if (lead < 0x80)
        {
            length = 1;
            codePoint = lead;
        }
        else if ((lead & 0xe0) == 0xc0)
        {
            length = 2;
            codePoint = lead & 0x1f;
            smallest = 0x80;
        }
        else if ((lead & 0xf0) == 0xe0)
        {
            length = 3;
            codePoint = lead & 0x0f;
            smallest = 0x800;
        }
        else if ((lead & 0xf8) == 0xf0)
        {
            length = 4;
            codePoint = lead & 0x07;
            smallest = 0x10000;
        }
        bool valid = length > 0 && at + length <= bytes.size();
        for (qsizetype next = 1; valid && next < length; ++next)
        {
            const auto byte = uchar(bytes.at(at + next));
            valid = (byte & 0xc0) == 0x80;
            codePoint = (codePoint << 6) | (byte & 0x3f);
        }
        valid = valid && codePoint >= smallest && codePoint <= 0x10ffff &&
                (codePoint < 0xd800 || codePoint > 0xdfff);

        QString piece;
        if (valid && codePoint != U'\\' && QChar::isPrint(codePoint))
        {
            piece = QString::fromUcs4(&codePoint, 1);
        }
        else
        {
            // An invalid sequence is escaped one byte at a time: the next byte may start a valid one.
            const qsizetype escaped = valid ? length : 1;
            for (qsizetype byte = 0; byte < escaped; ++byte)
            {
                piece += escapedByte(uchar(bytes.at(at + byte)));
            }
            length = escaped;
        }
        if (text.size() + piece.size() > maxLength)
        {
            return text + u'…';
        }
        text += piece;
        at += length;
    }
    return text;
}
