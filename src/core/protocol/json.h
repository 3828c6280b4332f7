#pragma once

#include <string>

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

// Serialises without throwing: bytes that are not valid UTF-8 (engine text can carry any) are replaced.
inline std::string dumpJson(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

inline QByteArray dumpJsonBytes(const Json &value)
{
    const std::string text = dumpJson(value);
    return QByteArray(text.data(), qsizetype(text.size()));
}
