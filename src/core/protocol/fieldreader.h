#pragma once

#include <optional>
#include <string_view>

#include <QString>

#include "protocol/fielderror.h"
#include "protocol/json.h"

// Reads typed members of JSON objects and names each by its path, e.g. "data.allyTeams[0].teams[1].name" or
// "data.gameOptions.map_size". The first problem sticks: once something failed, every later read returns
// nothing and records nothing, so a decoder can read field after field and look at error() once at the end.
class FieldReader
{
public:
    enum class Presence
    {
        Required,
        Optional,
    };

    bool failed() const { return m_error.has_value(); }
    // Only valid when failed().
    const FieldError &error() const { return *m_error; }

    // Records a problem unless an earlier one is recorded. Returns false so that callers can "return
    // r.fail(…)".
    bool fail(const QString &path, const QString &message);
    // Records the problem if there is one; true when there is none.
    bool check(const QString &path, const std::optional<QString> &problem);

    // "<object>.<key>" for keys made of [A-Za-z0-9_-], "<object>[\"<key>\"]" (JSON-quoted) for any other key,
    // and the bare key for the top level (empty objectPath).
    static QString memberPath(const QString &objectPath, std::string_view key);
    static QString indexPath(const QString &arrayPath, qsizetype index);

    // The member named key of an object. Absent → nullptr, after recording "is required" if it is required.
    // Null counts as absent on an optional member; on a required one it is returned and fails the type check.
    const Json *member(const Json &object, const QString &objectPath, std::string_view key,
                       Presence presence);

    // Type checks. A null value pointer (absent member) or an earlier failure gives nothing without a record.
    std::optional<QString> string(const Json *value, const QString &path);
    std::optional<bool> boolean(const Json *value, const QString &path);
    std::optional<double> number(const Json *value, const QString &path);
    // A JSON number without fraction (3.0 counts, as in JSON Schema) that fits in 64 bits.
    std::optional<qint64> integer(const Json *value, const QString &path);
    const Json *object(const Json *value, const QString &path);
    const Json *array(const Json *value, const QString &path);

    // member() followed by the type check, at the member's path.
    std::optional<QString> string(const Json &object, const QString &objectPath, std::string_view key,
                                  Presence presence);
    std::optional<bool> boolean(const Json &object, const QString &objectPath, std::string_view key,
                                Presence presence);
    std::optional<double> number(const Json &object, const QString &objectPath, std::string_view key,
                                 Presence presence);
    std::optional<qint64> integer(const Json &object, const QString &objectPath, std::string_view key,
                                  Presence presence);
    const Json *object(const Json &object, const QString &objectPath, std::string_view key,
                       Presence presence);
    const Json *array(const Json &object, const QString &objectPath, std::string_view key, Presence presence);

private:
    std::optional<FieldError> m_error;
};
