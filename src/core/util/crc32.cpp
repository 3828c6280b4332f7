#include "util/crc32.h"

#include <array>

#include <QtEndian>

namespace
{
constexpr quint32 Polynomial = 0xEDB88320; // reflected

using Table = std::array<quint32, 256>;

// Slicing by 8 (eight tables, eight bytes per step): journal records are a few hundred bytes, where zlib's
// crc32_z spent about 100 ns per call before its fast loop paid off; this takes about half a nanosecond per
// byte from the first byte on. tables[0] is the classic byte-at-a-time table; tables[k][b] is the CRC of byte
// b followed by k zero bytes, so that eight bytes are folded in with eight independent lookups.
constexpr std::array<Table, 8> makeTables()
{
    std::array<Table, 8> tables{};
    for (quint32 byte = 0; byte < 256; ++byte)
    {
        quint32 crc = byte;
        for (int bit = 0; bit < 8; ++bit)
        {
            crc = (crc & 1) != 0 ? Polynomial ^ (crc >> 1) : crc >> 1;
        }
        tables[0][byte] = crc;
    }
    for (std::size_t k = 1; k < tables.size(); ++k)
    {
        for (quint32 byte = 0; byte < 256; ++byte)
        {
            const quint32 previous = tables[k - 1][byte];
            tables[k][byte] = (previous >> 8) ^ tables[0][previous & 0xff];
        }
    }
    return tables;
}

constexpr std::array<Table, 8> Tables = makeTables();
} // namespace

quint32 crc32(QByteArrayView data)
{
    quint32 crc = 0xffffffff;
    const auto *bytes = reinterpret_cast<const uchar *>(data.data());
    std::size_t left = std::size_t(data.size());
    for (; left >= 8; left -= 8, bytes += 8)
    {
        // The running CRC is folded into the first four bytes (read as the reflected CRC consumes them).
        const quint32 low = qFromLittleEndian<quint32>(bytes) ^ crc;
        crc = Tables[7][low & 0xff] ^ Tables[6][(low >> 8) & 0xff] ^ Tables[5][(low >> 16) & 0xff] ^
              Tables[4][low >> 24] ^ Tables[3][bytes[4]] ^ Tables[2][bytes[5]] ^ Tables[1][bytes[6]] ^
              Tables[0][bytes[7]];
    }
    for (; left > 0; --left, ++bytes)
    {
        crc = Tables[0][(crc ^ *bytes) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}
