#include "benchreport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <QLocale>

#include "protocol/json.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
void printLine(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

QString targetPrefix(const BenchReport::Target &target)
{
    return target.kind == BenchReport::Target::Kind::AtMost ? u"≤ "_s : u"≥ "_s;
}

QString withoutTrailingSpaces(QString text)
{
    while (text.endsWith(u' '))
    {
        text.chop(1);
    }
    return text;
}
} // namespace

BenchReport::BenchReport(bool jsonOnly)
    : m_jsonOnly(jsonOnly)
{
}

QString BenchReport::format(double value)
{
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100 || value == std::floor(value) ? 0 : magnitude >= 10 ? 1 : 3;
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

bool BenchReport::met(const Figure &figure)
{
    return !figure.target ||
           (figure.target->kind == Target::Kind::AtMost ? figure.value <= figure.target->value
                                                        : figure.value >= figure.target->value);
}

void BenchReport::add(const QString &section, const QString &id, const QString &label, double value,
                      const QString &unit, std::optional<Target> target, std::optional<double> reference)
{
    Figure figure{section, id, label, value, unit, target, reference};
    Json line = {{"section", toStdString(figure.section)},
                 {"figure", toStdString(figure.id)},
                 {"value", figure.value},
                 {"unit", toStdString(figure.unit)}};
    if (figure.target)
    {
        line[figure.target->kind == Target::Kind::AtMost ? "target_max" : "target_min"] =
            figure.target->value;
        line["target_met"] = met(figure);
    }
    if (figure.reference)
    {
        line["reference"] = *figure.reference;
    }
    printLine(toQString(dumpJson(line)));
    m_figures.append(std::move(figure));
}

void BenchReport::note(const QString &text)
{
    m_notes.append(text);
    if (m_jsonOnly)
    {
        printLine(toQString(dumpJson(Json{{"note", toStdString(text)}})));
    }
}

void BenchReport::printTable() const
{
    if (m_jsonOnly)
    {
        return;
    }
    struct Row
    {
        QString label, value, target, reference, verdict;
    };
    QList<Row> rows{{u"Figure"_s, u"Value"_s, u"Target"_s, u"Reference"_s, QString()}};
    QString section;
    for (const Figure &figure : m_figures)
    {
        if (figure.section != section)
        {
            section = figure.section;
            rows.append({u"["_s + section + u']', {}, {}, {}, {}});
        }
        const QString unit = figure.unit.isEmpty() ? QString() : u' ' + figure.unit;
        rows.append(
            {u"  "_s + figure.label, format(figure.value) + unit,
             figure.target ? targetPrefix(*figure.target) + format(figure.target->value) + unit : QString(),
             figure.reference ? format(*figure.reference) + unit : QString(),
             figure.target ? (met(figure) ? u"met"_s : u"MISSED"_s) : QString()});
    }
    qsizetype widths[4] = {};
    for (const Row &row : std::as_const(rows))
    {
        widths[0] = std::max(widths[0], row.label.size());
        widths[1] = std::max(widths[1], row.value.size());
        widths[2] = std::max(widths[2], row.target.size());
        widths[3] = std::max(widths[3], row.reference.size());
    }
    printLine({});
    for (const Row &row : std::as_const(rows))
    {
        printLine(withoutTrailingSpaces(row.label.leftJustified(widths[0]) + u"  "_s +
                                        row.value.rightJustified(widths[1]) + u"  "_s +
                                        row.target.rightJustified(widths[2]) + u"  "_s +
                                        row.reference.rightJustified(widths[3]) + u"  "_s + row.verdict));
    }
    for (const QString &text : m_notes)
    {
        printLine(u"note: "_s + text);
    }
}

double BenchReport::percentile(std::vector<double> values, double p)
{
    if (values.empty())
    {
        return 0;
    }
    const auto rank =
        std::clamp<std::size_t>(std::size_t(std::ceil(p / 100 * double(values.size()))), 1, values.size()) -
        1;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(rank), values.end());
    return values[rank];
}
