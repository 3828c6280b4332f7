#pragma once

#include <functional>
#include <memory>

#include <QByteArrayView>
#include <QObject>
#include <QString>

#include "util/result.h"

class QSocketNotifier;
class QUdpSocket;

// A UDP socket on 127.0.0.1 that reads many datagrams per call: an engine that floods its autohost port must
// not cost a few system calls per datagram. On Linux one recvmmsg fetches a batch straight into a shared
// buffer; elsewhere QUdpSocket reads them one by one. readyRead fires as long as datagrams are waiting
// (level-triggered), so a caller that stops at a limit is called again on the next turn of the event loop.
class DatagramSocket : public QObject
{
    Q_OBJECT

public:
    struct Datagram
    {
        // Valid only during the handler call.
        QByteArrayView data;
        // IPv4, host byte order.
        quint32 senderAddress = 0;
        quint16 senderPort = 0;

        bool fromLoopback() const { return (senderAddress >> 24) == 127; }
    };
    using Handler = std::function<void(const Datagram &)>;

    explicit DatagramSocket(QObject *parent = nullptr);
    ~DatagramSocket() override;

    // Binds 127.0.0.1:port (0 for any free port) with a receive buffer of about receiveBufferBytes, which the
    // system may cap. Fails with the system's reason.
    Status bind(quint16 port, int receiveBufferBytes);
    bool isBound() const;
    quint16 localPort() const { return m_localPort; }
    // The receive buffer the system granted, in bytes.
    int receiveBufferBytes() const;

    // Hands up to maxDatagrams waiting datagrams to handle, in arrival order, and returns how many it handed.
    // The handler may close the socket (but not delete it); reading stops there.
    qsizetype receive(qsizetype maxDatagrams, const Handler &handle);
    // Sends one datagram to address:port (IPv4, host byte order). Fails with the system's reason.
    Status send(QByteArrayView datagram, quint32 address, quint16 port);
    void close();

signals:
    void readyRead();

private:
#ifdef Q_OS_LINUX
    int m_descriptor = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
#else
    std::unique_ptr<QUdpSocket> m_socket;
#endif
    quint16 m_localPort = 0;
};
