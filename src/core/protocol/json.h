#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>

// Objects keep the order their members arrived in, so options reach the start script as the server sent them.
using Json = nlohmann::ordered_json;

inline QString toQString(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

inline std::string toStdString(const QString &text)
{
    return text.toStdString();
}

// The value itself when it is an array, else an empty one: for walking a member a peer may have sent as
// anything. (`value.is_array() ? value : Json::array()` would copy the whole array.)
inline const Json &arrayOrEmpty(const Json &value)
{
    static const Json empty = Json::array();
    return value.is_array() ? value : empty;
}

// Serialises without throwing: bytes that are not valid UTF-8 (engine text can carry any) are replaced.
inline std::string dumpJson(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// True for the characters a JSON string cannot hold as they are: quote, backslash and control characters.
inline bool needsJsonEscape(char c)
{
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

// Appends text as a JSON string: quoted, with quotes, backslashes and control characters escaped. For text
// known to be valid UTF-8 (ids, command names), where building a Json value to serialise would cost more than
// the rest of a message.
inline void appendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    // Runs of characters that need no escape are copied whole.
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (!needsJsonEscape(c))
        {
            continue;
        }
        out.append(text.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
        {
            constexpr char Hex[] = "0123456789abcdef";
            out += "\\u00";
            out += Hex[(c >> 4) & 0xf];
            out += Hex[c & 0xf];
        }
        }
    }
    out.append(text.data() + runStart, text.size() - runStart);
    out += '"';
}

inline QByteArray dumpJsonBytes(const Json &value)
{
    const std::string text = dumpJson(value);
    return QByteArray(text.data(), qsizetype(text.size()));
}
