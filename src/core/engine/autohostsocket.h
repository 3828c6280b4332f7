#pragma once

#include <deque>
#include <functional>

#include <QObject>
#include <QTimer>

#include "net/datagramsocket.h"
#include "protocol/enginepacket.h"
#include "util/ratelimiter.h"

// The autohost's end of one engine's UDP interface (engine notes §1). Bound on 127.0.0.1 before the engine
// starts; the first valid SERVER_STARTED from a sender the engine check accepts teaches the engine's port,
// and from then on datagrams from any other sender are dropped. Dropped datagrams are counted and logged, at
// most a few lines per interval however many arrive. Outgoing datagrams wait until that port is known, then
// leave one per pacing interval, because the engine reads only one datagram per server tick.
class AutohostSocket : public QObject
{
    Q_OBJECT

public:
    explicit AutohostSocket(QObject *parent = nullptr);

    // Binds 127.0.0.1:port. Fails with the system's reason.
    Status bind(quint16 port);
    quint16 localPort() const { return m_socket.localPort(); }
    bool engineKnown() const { return m_enginePort != 0; }
    quint16 enginePort() const { return m_enginePort; }

    // Decides whether the sender of a SERVER_STARTED (a loopback port) can be the engine, before its port is
    // known. Without a check any loopback sender can.
    void setEngineCheck(std::function<bool(quint16 senderPort)> check);
    void setPacingInterval(int milliseconds);
    // Queues a datagram for the engine.
    void send(const QByteArray &datagram);
    // Queues a datagram ahead of everything else (used for /kill).
    void sendFirst(const QByteArray &datagram);
    qsizetype queued() const { return qsizetype(m_queue.size()); }
    void close();

    // Counters for the UI and the log.
    quint64 droppedForeign() const { return m_droppedForeign; }
    quint64 droppedMalformed() const { return m_droppedMalformed; }

signals:
    void packetReceived(const EnginePacket::Packet &packet);

private:
    void readPending();
    void handleDatagram(const DatagramSocket::Datagram &datagram);
    void sendNext();
    // Logs a dropped datagram, unless too many were logged lately; describe is only called when it is.
    void reportDropped(const std::function<QString()> &describe);

    DatagramSocket m_socket;
    quint32 m_engineAddress = 0;
    quint16 m_enginePort = 0;
    std::deque<QByteArray> m_queue;
    QTimer m_pacing;
    quint64 m_droppedForeign = 0;
    quint64 m_droppedMalformed = 0;
    std::function<bool(quint16 senderPort)> m_engineCheck;
    RateLimiter m_dropReports;
};
