#pragma once

#include <QByteArrayView>
#include <QString>

// Log lines in the engine's format ("[t=00:00:01.234567] text") on stdout, flushed at once so that a reader
// sees them while the process runs.
class EngineLog
{
public:
    // Starts the clock of the "t=" stamps.
    static void start();
    static void line(const QString &text);
    // Bytes from the network, shown with control characters escaped so that one datagram is one line.
    static QString printable(QByteArrayView bytes);
};
