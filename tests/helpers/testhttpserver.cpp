#include "testhttpserver.h"

#include <QTcpSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

TestHttpServer::TestHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
}

bool TestHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TestHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port()).arg(pathAndQuery));
}

void TestHttpServer::setResponses(const QString &path, const QList<Response> &responses)
{
    m_responses.insert(path, responses);
}

void TestHttpServer::setHandler(const QString &path, const Handler &handler)
{
    m_handlers.insert(path, handler);
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void TestHttpServer::onReadyRead(QTcpSocket *socket)
{
    // GET requests only: everything up to the blank line is the request.
    const QByteArray pending = socket->peek(socket->bytesAvailable());
    const qsizetype end = pending.indexOf("\r\n\r\n");
    if (end < 0 || socket->property("answered").toBool())
    {
        return;
    }
    socket->read(end + 4);
    socket->setProperty("answered", true);
    const QList<QByteArray> requestLine = pending.left(pending.indexOf("\r\n")).split(' ');
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    m_requests.append(target);
    const QString path = target.path();
    const int index = m_counts.value(path);
    m_counts[path] = index + 1;
    emit requestReceived(target);

    Response response;
    response.status = 404;
    response.body = "not found";
    if (const auto handler = m_handlers.constFind(path); handler != m_handlers.cend())
    {
        response = (*handler)(target);
    }
    else if (const auto found = m_responses.constFind(path); found != m_responses.cend() && !found->isEmpty())
    {
        response = found->at(std::min<qsizetype>(index, found->size() - 1));
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) +
                      " Status\r\nContent-Type: " + response.contentType + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : std::as_const(response.headers))
    {
        head += name + ": " + value + "\r\n";
    }
    if (response.sendLength)
    {
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    socket->write(head + "\r\n");
    sendChunks(socket, response, 0);
}

void TestHttpServer::sendChunks(QTcpSocket *socket, const Response &response, qint64 offset)
{
    qint64 size = response.chunkSize > 0 ? response.chunkSize : response.body.size() - offset;
    if (response.stallAfter >= 0)
    {
        size = std::min(size, response.stallAfter - offset);
    }
    size = std::min(size, response.body.size() - offset);
    socket->write(response.body.mid(offset, size));
    offset += size;
    if (response.stallAfter >= 0 && offset >= response.stallAfter)
    {
        return; // stalled: the connection stays open, silent
    }
    if (offset >= response.body.size())
    {
        socket->disconnectFromHost();
        return;
    }
    QTimer::singleShot(response.chunkDelayMs, socket,
                       [this, socket, response, offset] { sendChunks(socket, response, offset); });
}
