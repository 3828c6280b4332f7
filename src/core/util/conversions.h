#pragma once

#include <algorithm>
#include <limits>

#include <QDateTime>
#include <QString>
#include <QUuid>

// A battle id as the protocol writes it: the UUID without braces.
inline QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A time in µs since the Unix epoch as ISO 8601 UTC, for the log.
inline QString utcTimeText(qint64 microseconds)
{
    return QDateTime::fromMSecsSinceEpoch(microseconds / 1000, Qt::UTC).toString(Qt::ISODate);
}

// Seconds from the configuration as a timer interval: at least 1 ms, at most what a QTimer takes.
inline int toMilliseconds(double seconds)
{
    return int(std::clamp(seconds * 1000.0, 1.0, double(std::numeric_limits<int>::max())));
}
