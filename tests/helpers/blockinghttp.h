#pragma once

#include <QByteArray>
#include <QPair>

// One plain HTTP GET to 127.0.0.1:port with a blocking socket, for tests that talk to a program running in
// another process (nothing in this process has to keep serving meanwhile).
class BlockingHttp
{
public:
    // The status and the body; status 0 when there was no HTTP answer. token: sent as a bearer token unless
    // empty.
    static QPair<int, QByteArray> get(quint16 port, const QByteArray &path, const QByteArray &token = {});
};
