#pragma once

#include <optional>

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include "util/result.h"

// A start script (TDF) read the way the engine reads it: nested "[SECTION] { key = value; }", keys and
// section names case-insensitive, values up to the first ';' of the line (or quoted), comments between
// elements. Paths are lower-case and '/'-separated, e.g. "game/player0/name".
class TdfDocument
{
public:
    static Result<TdfDocument> parse(const QByteArray &text);

    std::optional<QString> value(const QString &path) const;
    QString value(const QString &path, const QString &fallback) const;
    bool hasSection(const QString &path) const;
    // The names of the direct subsections of a section, in document order.
    QStringList sections(const QString &path) const;
    // Every section's path, in document order.
    const QStringList &sectionPaths() const { return m_sections; }
    // The keys of a section, in document order; a key written twice appears twice (value() has the last).
    QStringList keys(const QString &path) const;

private:
    QHash<QString, QString> m_values;
    QStringList m_sections;
    QHash<QString, QStringList> m_keys;
};
