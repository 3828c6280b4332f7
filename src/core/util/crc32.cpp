#include "util/crc32.h"

#include <array>

namespace
{
constexpr std::array<quint32, 256> makeTable()
{
    std::array<quint32, 256> table{};
    for (quint32 byte = 0; byte < 256; ++byte)
    {
        quint32 value = byte;
        for (int bit = 0; bit < 8; ++bit)
        {
            value = (value & 1) ? (value >> 1) ^ 0xEDB88320u : value >> 1;
        }
        table[byte] = value;
    }
    return table;
}

constexpr std::array<quint32, 256> Table = makeTable();
} // namespace

quint32 crc32(QByteArrayView data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data)
    {
        crc = Table[(crc ^ quint8(c)) & 0xFFu] ^ (crc >> 8);
    }
    return crc ^ 0xFFFFFFFFu;
}
