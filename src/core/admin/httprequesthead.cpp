#include "admin/httprequesthead.h"

#include <algorithm>
#include <cctype>

#include "protocol/httpfields.h"

using namespace Qt::Literals::StringLiterals;

namespace
{

// RFC 9110 tchar: what method and field names are made of.
bool isTokenChar(char c)
{
    static constexpr QByteArrayView extra("!#$%&'*+-.^_`|~");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// Control characters other than tab end a field value's trust.
bool hasControlChar(QByteArrayView text)
{
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return (uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f; });
}

Failure<HttpHeadError> badRequest(const QString &message)
{
    return fail(HttpHeadError{400, message});
}

} // namespace

HttpRequestHead::Scan HttpRequestHead::scan(QByteArrayView bytes, qsizetype *size)
{
    // The head ends at the first empty line: "\n\n" or "\n\r\n".
    qsizetype end = -1;
    for (qsizetype i = bytes.indexOf('\n'); i >= 0 && i < bytes.size(); i = bytes.indexOf('\n', i + 1))
    {
        if (i + 1 < bytes.size() && bytes.at(i + 1) == '\n')
        {
            end = i + 2;
            break;
        }
        if (i + 2 < bytes.size() && bytes.at(i + 1) == '\r' && bytes.at(i + 2) == '\n')
        {
            end = i + 3;
            break;
        }
        if (i >= MaxSize)
        {
            break;
        }
    }
    if (end > MaxSize || (end < 0 && bytes.size() >= MaxSize))
    {
        return Scan::TooLarge;
    }
    if (end < 0)
    {
        return Scan::Incomplete;
    }
    if (size)
    {
        *size = end;
    }
    return Scan::Complete;
}

Result<HttpRequestHead, HttpHeadError> HttpRequestHead::parse(QByteArrayView head)
{
    QList<QByteArrayView> lines;
    for (QByteArrayView rest = head; !rest.isEmpty();)
    {
        const qsizetype newline = rest.indexOf('\n');
        QByteArrayView line = newline < 0 ? rest : rest.first(newline);
        rest = newline < 0 ? QByteArrayView() : rest.sliced(newline + 1);
        if (line.endsWith('\r'))
        {
            line.chop(1);
        }
        lines.append(line);
    }
    while (!lines.isEmpty() && lines.back().isEmpty())
    {
        lines.removeLast();
    }
    if (lines.isEmpty() || lines.front().isEmpty())
    {
        return badRequest(u"missing request line"_s);
    }

    HttpRequestHead request;
    const QList<QByteArray> parts = lines.front().toByteArray().split(' ');
    if (parts.size() != 3 || hasControlChar(lines.front()))
    {
        return badRequest(u"the request line must be \"METHOD target HTTP/1.1\""_s);
    }
    if (!isToken(parts.at(0)))
    {
        return badRequest(u"invalid method"_s);
    }
    request.m_method = parts.at(0);

    const QByteArray &version = parts.at(2);
    const bool versionShaped = version.size() == 8 && version.startsWith("HTTP/") && version.at(6) == '.' &&
                               std::isdigit(uchar(version.at(5))) && std::isdigit(uchar(version.at(7)));
    if (!versionShaped)
    {
        return badRequest(u"invalid HTTP version"_s);
    }
    if (version.at(5) != '1')
    {
        return fail(HttpHeadError{505, u"only HTTP/1.0 and HTTP/1.1 are supported"_s});
    }
    request.m_minorVersion = std::min(version.at(7) - '0', 1);

    request.m_target = parts.at(1);
    if (!request.m_target.startsWith('/') || request.m_target.contains('#'))
    {
        return badRequest(u"the request target must be a path like /api/v1/state"_s);
    }
    const qsizetype question = request.m_target.indexOf('?');
    const QByteArray path = question < 0 ? request.m_target : request.m_target.left(question);
    request.m_path = QString::fromUtf8(QByteArray::fromPercentEncoding(path));
    if (question >= 0)
    {
        request.m_query = QUrlQuery(QString::fromUtf8(request.m_target.mid(question + 1)));
    }

    for (qsizetype i = 1; i < lines.size(); ++i)
    {
        const QByteArrayView line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
        {
            return badRequest(u"folded header lines are not supported"_s);
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
        {
            return badRequest(u"malformed header line %1"_s.arg(i + 1));
        }
        const QByteArrayView value = HttpFields::trimmed(line.sliced(colon + 1));
        if (hasControlChar(value))
        {
            return badRequest(u"control characters in the value of %1"_s.arg(
                QString::fromLatin1(line.first(colon).toByteArray())));
        }
        request.m_headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    }
    if (request.m_minorVersion == 1 && !request.hasHeader("Host"))
    {
        return badRequest(u"missing Host header"_s);
    }
    return request;
}

QByteArray HttpRequestHead::header(QByteArrayView name) const
{
    const QByteArray lowered = name.toByteArray().toLower();
    QByteArray value;
    bool found = false;
    for (const auto &[fieldName, fieldValue] : m_headers)
    {
        if (fieldName == lowered)
        {
            value += (found ? ", " : "") + fieldValue;
            found = true;
        }
    }
    // Present but empty stays distinguishable from absent.
    return found && value.isNull() ? QByteArray("") : value;
}

bool HttpRequestHead::hasHeader(QByteArrayView name) const
{
    return !header(name).isNull();
}

bool HttpRequestHead::headerHasToken(QByteArrayView name, QByteArrayView token) const
{
    return HttpFields::listHasToken(header(name), token);
}

bool HttpRequestHead::isWebSocketUpgrade() const
{
    return headerHasToken("Upgrade", "websocket") && headerHasToken("Connection", "upgrade");
}
