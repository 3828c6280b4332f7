#pragma once

#include <QHostAddress>
#include <QString>

#include "util/result.h"

// Where the admin endpoint listens, as adminListen writes it: "127.0.0.1:8201", "[::1]:8201",
// "localhost:8201" (127.0.0.1) or "0.0.0.0:0" (port 0: any free port).
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    // The error says what is wrong without repeating the text.
    static Result<ListenAddress> parse(const QString &text);
    // 127.0.0.0/8 and ::1; the wildcard addresses 0.0.0.0 and :: are not.
    bool isLoopback() const;
    // "127.0.0.1:8201", "[::1]:8201".
    QString toString() const;
};
