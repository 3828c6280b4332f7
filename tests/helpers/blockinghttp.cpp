#include "blockinghttp.h"

#include <QHostAddress>
#include <QTcpSocket>

QPair<int, QByteArray> BlockingHttp::get(quint16 port, const QByteArray &path, const QByteArray &token)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
    {
        return {0, {}};
    }
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
    {
        request += "Authorization: Bearer " + token + "\r\n";
    }
    socket.write(request + "\r\n");
    // The endpoint closes the connection after each answer.
    QByteArray reply;
    while (socket.waitForReadyRead(5000))
    {
        reply += socket.readAll();
    }
    reply += socket.readAll();
    const qsizetype bodyStart = reply.indexOf("\r\n\r\n");
    if (!reply.startsWith("HTTP/1.1 ") || bodyStart < 0)
    {
        return {0, {}};
    }
    return {reply.mid(9, 3).toInt(), reply.mid(bodyStart + 4)};
}
