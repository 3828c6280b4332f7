#pragma once

#include <QByteArrayView>

// The CRC-32 of zlib, PNG and Ethernet (reflected polynomial 0xEDB88320): "123456789" → 0xCBF43926. Catches
// every burst error up to 32 bits, so a torn or flipped record never passes for a valid one by accident
// (short of a 1 in 2^32 coincidence).
quint32 crc32(QByteArrayView data);
