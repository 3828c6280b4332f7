#include "protocol/enginecommands.h"

#include "protocol/tdftext.h"
#include "util/utf8.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// The engine reads "//x" as the chat text "/x"; a single leading '/' would make the text a command.
QByteArray escapedChat(QByteArrayView piece)
{
    if (piece.startsWith('/'))
    {
        return '/' + piece.toByteArray();
    }
    return piece.toByteArray();
}

bool isCommandName(const QString &command)
{
    if (command.isEmpty())
    {
        return false;
    }
    for (const QChar c : command)
    {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-'))
        {
            return false;
        }
    }
    return true;
}

std::optional<QString> argumentProblem(const QString &argument, bool last)
{
    if (argument.isEmpty())
    {
        return u"must not be empty"_s;
    }
    // The engine cuts a command line at the first "//" (a comment) and reads it as a C string.
    if (argument.contains(u"//"_s))
    {
        return u"must not contain \"//\""_s;
    }
    for (const QChar c : argument)
    {
        if (c == QChar::Null || c == u'\r' || c == u'\n')
        {
            return u"must not contain NUL, CR or LF"_s;
        }
        // The engine splits arguments at white space; only the last one may carry it.
        if (!last && c.isSpace())
        {
            return u"must not contain white space"_s;
        }
    }
    return std::nullopt;
}
} // namespace

QList<QByteArray> EngineCommands::chat(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QList<QByteArray> datagrams;
    qsizetype start = 0;
    while (start < utf8.size())
    {
        const qsizetype budget = utf8[start] == '/' ? MaxChatBytes - 1 : MaxChatBytes;
        qsizetype end = utf8.size();
        if (end - start > budget)
        {
            // Cut before the first byte of a character, never inside a multi-byte sequence.
            end = start + budget;
            while (Utf8::isContinuation(utf8[end]))
            {
                --end;
            }
            // Prefer to cut at a space so that words stay whole.
            if (utf8[end] != ' ')
            {
                const qsizetype space = utf8.lastIndexOf(' ', end - 1);
                if (space > start)
                {
                    end = space + 1;
                }
            }
        }
        datagrams.append(escapedChat(QByteArrayView(utf8).sliced(start, end - start)));
        start = end;
    }
    return datagrams;
}

Result<QByteArray> EngineCommands::command(const QString &command, const QStringList &arguments)
{
    if (!isCommandName(command))
    {
        return fail(u"command: must match ^[a-z0-9_-]+$"_s);
    }
    QByteArray datagram = '/' + command.toUtf8();
    for (qsizetype i = 0; i < arguments.size(); ++i)
    {
        if (const auto problem = argumentProblem(arguments[i], i == arguments.size() - 1))
        {
            return fail(u"arguments["_s + QString::number(i) + u"]: "_s + *problem);
        }
        datagram += ' ' + arguments[i].toUtf8();
    }
    return datagram;
}

QByteArray EngineCommands::kill()
{
    return QByteArrayLiteral("/kill");
}

QByteArray EngineCommands::kickByNumber(int player)
{
    return "/kickbynum " + QByteArray::number(player);
}

QByteArray EngineCommands::specByNumber(int player)
{
    return "/specbynum " + QByteArray::number(player);
}

QByteArray EngineCommands::muteByNumber(int player, bool chat, bool draw)
{
    return "/mutebynum " + QByteArray::number(player) + (chat ? " 1" : " 0") + (draw ? " 1" : " 0");
}

QByteArray EngineCommands::addSpectator(const QString &name, const QString &password)
{
    Q_ASSERT(!TdfText::tokenProblem(name) && !TdfText::tokenProblem(password));
    return "/adduser " + name.toUtf8() + ' ' + password.toUtf8() + " 1";
}

QByteArray EngineCommands::changePassword(const QString &name, const QString &password)
{
    Q_ASSERT(!TdfText::tokenProblem(name) && !TdfText::tokenProblem(password));
    return "/adduser " + name.toUtf8() + ' ' + password.toUtf8();
}
