#pragma once

#include <string>
#include <string_view>

#include <QString>

#include "protocol/json.h"

// Writes one JSON object as compact text, member by member, byte for byte as dumpJson writes the same members
// in a Json object. For the engine update path, where building a Json value only to serialise it cost more
// than everything else the autohost does with an update. Keys are the callers' literals and are written as
// they are: they must hold no quote, backslash or control character.
class JsonObjectWriter
{
public:
    JsonObjectWriter();

    // A string member. Text may hold any bytes: what is not valid UTF-8 is replaced as dumpJson replaces it.
    JsonObjectWriter &add(std::string_view key, std::string_view text);
    JsonObjectWriter &add(std::string_view key, const char *text) { return add(key, std::string_view(text)); }
    JsonObjectWriter &add(std::string_view key, const QString &text);
    JsonObjectWriter &add(std::string_view key, qint64 number);
    JsonObjectWriter &add(std::string_view key, int number) { return add(key, qint64(number)); }
    // A member whose value is already JSON text (an array, say).
    JsonObjectWriter &addJson(std::string_view key, std::string_view json);

    // The object, closed. The writer is spent.
    std::string take();

private:
    void addKey(std::string_view key);

    std::string m_text;
};
