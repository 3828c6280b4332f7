#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include "util/result.h"

// The opening handshake of a WebSocket client (RFC 6455 §4.1): the upgrade request it sends and the checks
// on the server's answer. Pure code.
class WebSocketHandshake
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // key: the base64 of 16 random bytes (Sec-WebSocket-Key).
    WebSocketHandshake(QUrl url, QByteArray key, QString subprotocol, Headers extraHeaders = {});

    // The GET request, or why it cannot be sent (a header that would break out of its line).
    Result<QByteArray> request() const;

    // Reads the answer from the start of buffer: nothing while its head is incomplete, otherwise how many
    // bytes it took (whatever follows is already the first frames) or why the upgrade failed.
    Result<std::optional<qsizetype>> readResponse(QByteArrayView buffer);
    // The subprotocol the server chose (empty when it chose none).
    QString subprotocol() const { return m_chosenSubprotocol; }

    static QByteArray acceptFor(QByteArrayView key);
    // The largest response head accepted.
    static constexpr qsizetype MaxResponseSize = 16 * 1024;

private:
    QUrl m_url;
    QByteArray m_key;
    QString m_subprotocol;
    Headers m_extraHeaders;
    QString m_chosenSubprotocol;
};
