#pragma once

#include <optional>

#include <QString>
#include <QStringView>

// What the start-script (TDF) format can carry safely. The format has no escaping at all, so anything that
// could end a value, open or close a section, or break the engine's Lua parser is refused rather than
// written. Each check returns a message for an invalid_request ("must not contain ';'") or nothing when the
// text is safe.
class TdfText
{
public:
    // A value written as "Key = value;". Refuses ';', '"', '{', '}', "]]", control characters (NUL, CR, LF,
    // tab, …) and leading or trailing white space.
    static std::optional<QString> valueProblem(QStringView value);
    // A key (option names, custom property names): 1 to 64 characters of [A-Za-z0-9_-].
    static std::optional<QString> keyProblem(QStringView key);
    // A player name or password, which also travels inside engine commands such as "/adduser name password":
    // a safe value that is not empty, has no white space and no "//".
    static std::optional<QString> tokenProblem(QStringView token);
};
