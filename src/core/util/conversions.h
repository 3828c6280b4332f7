#pragma once

#include <algorithm>
#include <array>
#include <limits>

#include <QDateTime>
#include <QString>
#include <QUuid>
#include <QtEndian>

// A battle id as the protocol writes it: the UUID without braces.
inline QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A UUID's 16 bytes in the order RFC 4122 writes them (QUuid::toRfc4122 without its allocation).
inline std::array<uchar, 16> uuidBytes(const QUuid &id)
{
    std::array<uchar, 16> bytes;
    qToBigEndian(id.data1, bytes.data());
    qToBigEndian(id.data2, bytes.data() + 4);
    qToBigEndian(id.data3, bytes.data() + 6);
    std::copy(std::begin(id.data4), std::end(id.data4), bytes.begin() + 8);
    return bytes;
}

// A UUID as uuidText writes it, in characters instead of a QString: for JSON text written per update.
using UuidChars = std::array<char, 36>;

inline UuidChars uuidChars(const std::array<uchar, 16> &bytes)
{
    // 8-4-4-4-12 lower-case hex digits.
    constexpr char Hex[] = "0123456789abcdef";
    UuidChars text;
    auto at = text.begin();
    for (size_t i = 0; i < bytes.size(); ++i)
    {
        if (i == 4 || i == 6 || i == 8 || i == 10)
        {
            *at++ = '-';
        }
        *at++ = Hex[bytes[i] >> 4];
        *at++ = Hex[bytes[i] & 0xf];
    }
    return text;
}

inline UuidChars uuidChars(const QUuid &id)
{
    return uuidChars(uuidBytes(id));
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
