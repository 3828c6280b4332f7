#include "protocol/websockethandshake.h"

#include <QCryptographicHash>

#include "protocol/httpfields.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
bool isSafeHeaderText(QByteArrayView text)
{
    return !text.contains('\r') && !text.contains('\n') && !text.contains('\0');
}
} // namespace

WebSocketHandshake::WebSocketHandshake(QUrl url, QByteArray key, QString subprotocol, Headers extraHeaders)
    : m_url(std::move(url))
    , m_key(std::move(key))
    , m_subprotocol(std::move(subprotocol))
    , m_extraHeaders(std::move(extraHeaders))
{
}

QByteArray WebSocketHandshake::acceptFor(QByteArrayView key)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(key);
    hash.addData("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    return hash.result().toBase64();
}

Result<QByteArray> WebSocketHandshake::request() const
{
    QByteArray path = m_url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
    {
        path = "/";
    }
    if (m_url.hasQuery())
    {
        path += '?' + m_url.query(QUrl::FullyEncoded).toUtf8();
    }
    QByteArray host = m_url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
    {
        host = '[' + host + ']';
    }
    const int defaultPort = m_url.scheme() == u"wss"_s ? 443 : 80;
    if (m_url.port(defaultPort) != defaultPort)
    {
        host += ':' + QByteArray::number(m_url.port());
    }

    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: " + host +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: " +
                         m_key + "\r\n";
    if (!m_subprotocol.isEmpty())
    {
        request += "Sec-WebSocket-Protocol: " + m_subprotocol.toUtf8() + "\r\n";
    }
    for (const auto &[name, value] : m_extraHeaders)
    {
        if (name.isEmpty() || name.contains(':') || !isSafeHeaderText(name) || !isSafeHeaderText(value))
        {
            return fail(u"the header \"%1\" holds characters a header cannot"_s.arg(QString::fromUtf8(name)));
        }
        request += name + ": " + value + "\r\n";
    }
    if (!isSafeHeaderText(path) || !isSafeHeaderText(host) || !isSafeHeaderText(m_subprotocol.toUtf8()))
    {
        return fail(u"the address or the subprotocol holds characters a request cannot"_s);
    }
    return QByteArray(request + "\r\n");
}

Result<std::optional<qsizetype>> WebSocketHandshake::readResponse(QByteArrayView buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
    {
        if (buffer.size() > MaxResponseSize)
        {
            return fail(
                u"the server's answer to the upgrade has no end within %1 bytes"_s.arg(MaxResponseSize));
        }
        return std::optional<qsizetype>();
    }
    const QList<QByteArray> lines = buffer.first(end).toByteArray().split('\n');
    // "HTTP/1.1 101 Switching Protocols"
    const QByteArray statusLine = lines.first().trimmed();
    const QList<QByteArray> status = statusLine.split(' ');
    if (status.size() < 2 || !status[0].startsWith("HTTP/"))
    {
        return fail(u"the server did not answer the upgrade with HTTP"_s);
    }
    if (status[1] != "101")
    {
        return fail(u"the server refused the upgrade: %1"_s.arg(
            QString::fromUtf8(statusLine.mid(status[0].size() + 1)).left(200)));
    }

    QByteArray upgrade;
    QByteArray connection;
    QByteArray accept;
    QByteArray extensions;
    std::optional<QByteArray> protocol;
    for (qsizetype i = 1; i < lines.size(); ++i)
    {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
        {
            return fail(u"the server's upgrade answer has a malformed header line"_s);
        }
        const QByteArray name = lines[i].first(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        // Headers that appear more than once are joined, as HTTP allows for lists.
        const auto add = [&value](QByteArray &into)
        {
            into = into.isEmpty() ? value : into + ", " + value;
        };
        if (name == "upgrade")
        {
            add(upgrade);
        }
        else if (name == "connection")
        {
            add(connection);
        }
        else if (name == "sec-websocket-accept")
        {
            add(accept);
        }
        else if (name == "sec-websocket-extensions")
        {
            add(extensions);
        }
        else if (name == "sec-websocket-protocol")
        {
            protocol = protocol ? *protocol + ", " + value : value;
        }
    }
    if (!HttpFields::listHasToken(upgrade, "websocket"))
    {
        return fail(u"the server's upgrade answer lacks \"Upgrade: websocket\""_s);
    }
    if (!HttpFields::listHasToken(connection, "upgrade"))
    {
        return fail(u"the server's upgrade answer lacks \"Connection: Upgrade\""_s);
    }
    if (accept != acceptFor(m_key))
    {
        return fail(u"the server's Sec-WebSocket-Accept does not match the key"_s);
    }
    if (!extensions.isEmpty())
    {
        return fail(u"the server chose extensions nobody asked for: %1"_s.arg(QString::fromUtf8(extensions)));
    }
    m_chosenSubprotocol.clear();
    if (protocol)
    {
        if (m_subprotocol.isEmpty() || *protocol != m_subprotocol.toUtf8())
        {
            return fail(u"the server chose the subprotocol \"%1\", which was not offered"_s.arg(
                QString::fromUtf8(*protocol).left(100)));
        }
        m_chosenSubprotocol = m_subprotocol;
    }
    return std::optional<qsizetype>(end + 4);
}
