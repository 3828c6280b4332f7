#pragma once

#include <atomic>
#include <future>
#include <thread>

#include <QtGlobal>

class WebSocketClient;

// A WebSocket server on loopback for the send benchmarks. It runs on a thread of its own, answers the opening
// handshake and then reads and drops every byte, so that the benchmark's thread pays only for sending (a
// QWebSocketServer in the same thread would add the cost of receiving to the figures).
class WebSocketSink
{
public:
    WebSocketSink();
    ~WebSocketSink();
    WebSocketSink(const WebSocketSink &) = delete;
    WebSocketSink &operator=(const WebSocketSink &) = delete;

    // Opens client to the sink and waits (running an event loop) until it is connected; false after 10 s.
    bool open(WebSocketClient *client);
    // Waits until at least bytes have arrived after the handshake; false after 10 s.
    bool waitForBytes(qint64 bytes) const;
    qint64 bytesReceived() const { return m_received; }

private:
    void run(std::promise<quint16> port);

    std::atomic<bool> m_stop = false;
    std::atomic<qint64> m_received = 0;
    quint16 m_port = 0;
    std::thread m_thread;
};
