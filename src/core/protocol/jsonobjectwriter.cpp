#include "protocol/jsonobjectwriter.h"

#include <algorithm>
#include <charconv>

namespace
{
bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
} // namespace

JsonObjectWriter::JsonObjectWriter()
{
    m_text.reserve(160);
    m_text += '{';
}

void JsonObjectWriter::addKey(std::string_view key)
{
    if (m_text.size() > 1)
    {
        m_text += ',';
    }
    // Keys are the writer's callers' own literals: nothing in them to escape.
    Q_ASSERT(std::none_of(key.begin(), key.end(), needsJsonEscape));
    m_text += '"';
    m_text += key;
    m_text += "\":";
}

JsonObjectWriter &JsonObjectWriter::add(std::string_view key, std::string_view text)
{
    addKey(key);
    if (isAscii(text))
    {
        appendJsonString(m_text, text);
    }
    else
    {
        // Beyond ASCII the text may be invalid UTF-8, and only nlohmann's own writer replaces it exactly as
        // every other serialised update does.
        m_text += dumpJson(Json(std::string(text)));
    }
    return *this;
}

JsonObjectWriter &JsonObjectWriter::add(std::string_view key, const QString &text)
{
    // Every relayed update names a user, and user ids are ASCII as a rule: those are copied through a buffer
    // kept between calls, where toUtf8 would allocate a QByteArray per update.
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; }))
    {
        thread_local std::string ascii;
        ascii.resize(std::size_t(text.size()));
        std::transform(text.begin(), text.end(), ascii.begin(), [](QChar c) { return char(c.unicode()); });
        return add(key, std::string_view(ascii));
    }
    const QByteArray utf8 = text.toUtf8();
    return add(key, std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

JsonObjectWriter &JsonObjectWriter::add(std::string_view key, qint64 number)
{
    addKey(key);
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), number).ptr;
    m_text.append(digits, end);
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addJson(std::string_view key, std::string_view json)
{
    addKey(key);
    m_text += json;
    return *this;
}

std::string JsonObjectWriter::take()
{
    m_text += '}';
    return std::move(m_text);
}
