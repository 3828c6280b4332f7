#pragma once

#include <optional>
#include <vector>

#include <QList>
#include <QString>

// The figures of a benchmark run: one JSON line per figure on stdout as soon as it is known, and at the end a
// table of every figure next to its target and the reference autohost's figure.
class BenchReport
{
public:
    struct Target
    {
        enum class Kind
        {
            AtMost,
            AtLeast,
        };
        Kind kind = Kind::AtMost;
        double value = 0;
    };
    struct Figure
    {
        QString section; // "start", "relay", …
        QString id;      // the JSON name, e.g. "start_round_trip_p50"
        QString label;   // the table's wording
        double value = 0;
        QString unit; // "ms", "updates/s", "MiB", …
        std::optional<Target> target;
        std::optional<double> reference; // the reference autohost on this machine class
    };

    static Target atMost(double value) { return {Target::Kind::AtMost, value}; }
    static Target atLeast(double value) { return {Target::Kind::AtLeast, value}; }

    explicit BenchReport(bool jsonOnly);

    void add(const QString &section, const QString &id, const QString &label, double value,
             const QString &unit, std::optional<Target> target = std::nullopt,
             std::optional<double> reference = std::nullopt);
    // A line under the table: a setting that matters for the figures, something that went wrong.
    void note(const QString &text);
    void printTable() const;

    // Nearest-rank percentile (p in 0 … 100) of unsorted values; 0 for none.
    static double percentile(std::vector<double> values, double p);

private:
    static QString format(double value);
    static bool met(const Figure &figure);

    bool m_jsonOnly = false;
    QList<Figure> m_figures;
    QStringList m_notes;
};
