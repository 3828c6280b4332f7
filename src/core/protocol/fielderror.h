#pragma once

#include <QString>

// A request field that failed validation: the path names it the way a host reads it, e.g.
// "data.allyTeams[0].teams[1].players[0].name".
struct FieldError
{
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    bool operator==(const FieldError &) const = default;
};
