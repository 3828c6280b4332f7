#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include "util/result.h"

// Why a request head was refused: the HTTP status to answer (400, 505) and what is wrong, for the client.
struct HttpHeadError
{
    int status = 400;
    QString message;
};

// The head of an HTTP/1.x request (request line and header fields), parsed from the bytes a client sent up to
// the first empty line. Pure, so the admin endpoint's rules are tested on bytes; the server only peeks at the
// socket, so a WebSocket handshake can still be handed on whole.
class HttpRequestHead
{
public:
    // The most a head may take, the empty line included (16 KiB).
    static constexpr qsizetype MaxSize = 16 * 1024;

    enum class Scan
    {
        Incomplete, // no empty line yet
        Complete,
        TooLarge, // no empty line within MaxSize bytes
    };
    // Whether the bytes a connection sent so far hold a whole head; *size gets its length (empty line
    // included) when they do. Lines may end in CRLF or a bare LF.
    static Scan scan(QByteArrayView bytes, qsizetype *size);
    // Parses a whole head as scan() delimited it: "GET /path?query HTTP/1.1", then "Name: value" fields.
    static Result<HttpRequestHead, HttpHeadError> parse(QByteArrayView head);

    QByteArray method() const { return m_method; }
    // The request target as sent, e.g. "/api/v1/state?x=1".
    QByteArray target() const { return m_target; }
    // The target's path, percent-decoded: "/api/v1/state".
    QString path() const { return m_path; }
    QUrlQuery query() const { return m_query; }
    // 0 for HTTP/1.0, 1 for HTTP/1.1.
    int minorVersion() const { return m_minorVersion; }
    // A field's value by case-insensitive name; repeated fields joined with ", "; null when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Whether a comma-separated field lists this token, case-insensitively (Connection: keep-alive, Upgrade).
    bool headerHasToken(QByteArrayView name, QByteArrayView token) const;
    // "Upgrade: websocket" with "Connection: upgrade".
    bool isWebSocketUpgrade() const;

private:
    QByteArray m_method;
    QByteArray m_target;
    QString m_path;
    QUrlQuery m_query;
    int m_minorVersion = 1;
    QList<QPair<QByteArray, QByteArray>> m_headers; // names lower-cased, in arrival order
};
