#pragma once

#include <QtGlobal>

namespace Utf8
{
// Whether byte continues a multi-byte character (10xxxxxx): text cut before it would split a character.
inline bool isContinuation(char byte)
{
    return (static_cast<quint8>(byte) & 0xC0) == 0x80;
}
} // namespace Utf8
