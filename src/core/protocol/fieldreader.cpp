#include "protocol/fieldreader.h"

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace
{
bool isPlainKey(std::string_view key)
{
    if (key.empty())
    {
        return false;
    }
    for (const char c : key)
    {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '_' || c == '-';
        if (!plain)
        {
            return false;
        }
    }
    return true;
}

QString fromKey(std::string_view key)
{
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}
} // namespace

bool FieldReader::fail(const QString &path, const QString &message)
{
    if (!m_error)
    {
        m_error = FieldError{path, message};
    }
    return false;
}

bool FieldReader::check(const QString &path, const std::optional<QString> &problem)
{
    if (problem)
    {
        return fail(path, *problem);
    }
    return !failed();
}

QString FieldReader::memberPath(const QString &objectPath, std::string_view key)
{
    if (!isPlainKey(key))
    {
        // Quoted so that a key with dots, brackets or white space still reads as one name.
        return objectPath + u'[' + toQString(dumpJson(Json(std::string(key)))) + u']';
    }
    return objectPath.isEmpty() ? fromKey(key) : objectPath + u'.' + fromKey(key);
}

QString FieldReader::indexPath(const QString &arrayPath, qsizetype index)
{
    return arrayPath + u'[' + QString::number(index) + u']';
}

const Json *FieldReader::member(const Json &object, const QString &objectPath, std::string_view key,
                                Presence presence)
{
    if (failed())
    {
        return nullptr;
    }
    const auto it = object.find(std::string(key));
    const bool absent = it == object.end() || (presence == Presence::Optional && it->is_null());
    if (absent)
    {
        if (presence == Presence::Required)
        {
            fail(memberPath(objectPath, key), u"is required"_s);
        }
        return nullptr;
    }
    return &*it;
}

std::optional<QString> FieldReader::string(const Json *value, const QString &path)
{
    if (failed() || !value)
    {
        return std::nullopt;
    }
    if (!value->is_string())
    {
        fail(path, u"must be a string"_s);
        return std::nullopt;
    }
    return toQString(value->get_ref<const std::string &>());
}

std::optional<bool> FieldReader::boolean(const Json *value, const QString &path)
{
    if (failed() || !value)
    {
        return std::nullopt;
    }
    if (!value->is_boolean())
    {
        fail(path, u"must be a boolean"_s);
        return std::nullopt;
    }
    return value->get<bool>();
}

std::optional<double> FieldReader::number(const Json *value, const QString &path)
{
    if (failed() || !value)
    {
        return std::nullopt;
    }
    if (!value->is_number())
    {
        fail(path, u"must be a number"_s);
        return std::nullopt;
    }
    return value->get<double>();
}

std::optional<qint64> FieldReader::integer(const Json *value, const QString &path)
{
    if (failed() || !value)
    {
        return std::nullopt;
    }
    if (value->is_number_unsigned())
    {
        const auto unsignedValue = value->get<std::uint64_t>();
        if (unsignedValue > std::uint64_t(std::numeric_limits<qint64>::max()))
        {
            fail(path, u"is too large (the limit is 2^63 - 1)"_s);
            return std::nullopt;
        }
        return qint64(unsignedValue);
    }
    if (value->is_number_integer())
    {
        return value->get<std::int64_t>();
    }
    if (value->is_number_float())
    {
        // JSON Schema counts 3.0 as an integer; integers beyond 64 bits arrive as floats too.
        const double floatValue = value->get<double>();
        if (std::isfinite(floatValue) && std::trunc(floatValue) == floatValue)
        {
            constexpr double limit = 9223372036854775808.0; // 2^63
            if (floatValue >= limit || floatValue < -limit)
            {
                fail(path, u"is too large (the limit is 2^63 - 1)"_s);
                return std::nullopt;
            }
            return qint64(floatValue);
        }
    }
    fail(path, u"must be an integer"_s);
    return std::nullopt;
}

const Json *FieldReader::object(const Json *value, const QString &path)
{
    if (failed() || !value)
    {
        return nullptr;
    }
    if (!value->is_object())
    {
        fail(path, u"must be an object"_s);
        return nullptr;
    }
    return value;
}

const Json *FieldReader::array(const Json *value, const QString &path)
{
    if (failed() || !value)
    {
        return nullptr;
    }
    if (!value->is_array())
    {
        fail(path, u"must be an array"_s);
        return nullptr;
    }
    return value;
}

std::optional<QString> FieldReader::string(const Json &object, const QString &objectPath,
                                           std::string_view key, Presence presence)
{
    return string(member(object, objectPath, key, presence), memberPath(objectPath, key));
}

std::optional<bool> FieldReader::boolean(const Json &object, const QString &objectPath, std::string_view key,
                                         Presence presence)
{
    return boolean(member(object, objectPath, key, presence), memberPath(objectPath, key));
}

std::optional<double> FieldReader::number(const Json &object, const QString &objectPath, std::string_view key,
                                          Presence presence)
{
    return number(member(object, objectPath, key, presence), memberPath(objectPath, key));
}

std::optional<qint64> FieldReader::integer(const Json &object, const QString &objectPath,
                                           std::string_view key, Presence presence)
{
    return integer(member(object, objectPath, key, presence), memberPath(objectPath, key));
}

const Json *FieldReader::object(const Json &object, const QString &objectPath, std::string_view key,
                                Presence presence)
{
    return this->object(member(object, objectPath, key, presence), memberPath(objectPath, key));
}

const Json *FieldReader::array(const Json &object, const QString &objectPath, std::string_view key,
                               Presence presence)
{
    return array(member(object, objectPath, key, presence), memberPath(objectPath, key));
}
