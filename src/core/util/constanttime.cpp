#include "util/constanttime.h"

#include <cstddef>

bool constantTimeEquals(QByteArrayView secret, QByteArrayView offered)
{
    // Accumulate every difference instead of returning at the first; a length mismatch counts as one too.
    std::size_t difference = std::size_t(secret.size()) ^ std::size_t(offered.size());
    for (qsizetype i = 0; i < offered.size(); ++i)
    {
        const uchar expected = secret.isEmpty() ? 0 : uchar(secret[i % secret.size()]);
        difference |= std::size_t(expected ^ uchar(offered[i]));
    }
    return difference == 0;
}
