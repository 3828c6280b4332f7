#include "prometheusencoder.h"

#include <charconv>
#include <cmath>
#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace
{
// Integers up to 2^53 are exact in a double; beyond that the shortest form is as good.
constexpr double LargestExactInteger = 9007199254740992.0;

QByteArray typeName(MetricFamily::Type type)
{
    switch (type)
    {
    case MetricFamily::Type::Counter:
        return "counter";
    case MetricFamily::Type::Gauge:
        return "gauge";
    case MetricFamily::Type::Histogram:
        return "histogram";
    }
    Q_UNREACHABLE();
}

QByteArray labelText(const MetricLabels &labels)
{
    if (labels.isEmpty())
    {
        return {};
    }
    QByteArray text = "{";
    for (qsizetype i = 0; i < labels.size(); ++i)
    {
        if (i > 0)
        {
            text += ',';
        }
        text += labels.at(i).first.toUtf8() + "=\"" +
                PrometheusEncoder::escapeLabelValue(labels.at(i).second) + '"';
    }
    return text + '}';
}

void appendSample(QByteArray &out, const QByteArray &name, const MetricLabels &labels, double value)
{
    out += name + labelText(labels) + ' ' + PrometheusEncoder::formatNumber(value) + '\n';
}

void appendHistogram(QByteArray &out, const QByteArray &name, const MetricLabels &labels,
                     const Histogram &histogram)
{
    const QList<quint64> cumulative = histogram.cumulativeCounts();
    for (qsizetype i = 0; i < cumulative.size(); ++i)
    {
        MetricLabels bucket = labels;
        bucket.append(
            {u"le"_s, QString::fromLatin1(PrometheusEncoder::formatNumber(histogram.upperBounds().at(i)))});
        appendSample(out, name + "_bucket", bucket, double(cumulative.at(i)));
    }
    MetricLabels infinity = labels;
    infinity.append({u"le"_s, u"+Inf"_s});
    appendSample(out, name + "_bucket", infinity, double(histogram.count()));
    appendSample(out, name + "_sum", labels, histogram.sum());
    appendSample(out, name + "_count", labels, double(histogram.count()));
}

// Backslash and newline are escaped in HELP text and label values; double quotes only in label values.
QByteArray escaped(const QString &text, bool quotes)
{
    QByteArray out;
    for (const char c : text.toUtf8())
    {
        if (c == '\\' || (quotes && c == '"'))
        {
            out += '\\';
            out += c;
        }
        else if (c == '\n')
        {
            out += "\\n";
        }
        else
        {
            out += c;
        }
    }
    return out;
}
} // namespace

QByteArray PrometheusEncoder::encode(const QList<MetricFamily> &families)
{
    QByteArray out;
    for (const MetricFamily &family : families)
    {
        const QByteArray name = family.name().toUtf8();
        out += "# HELP " + name + ' ' + escapeHelp(family.help()) + '\n';
        out += "# TYPE " + name + ' ' + typeName(family.type()) + '\n';
        for (const MetricFamily::Series &series : family.series())
        {
            if (const auto *histogram = std::get_if<Histogram>(&series.value))
            {
                appendHistogram(out, name, series.labels, *histogram);
            }
            else
            {
                appendSample(out, name, series.labels, std::get<double>(series.value));
            }
        }
    }
    return out;
}

QByteArray PrometheusEncoder::formatNumber(double value)
{
    if (std::isnan(value))
    {
        return "NaN";
    }
    if (std::isinf(value))
    {
        return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == std::trunc(value) && std::abs(value) <= LargestExactInteger)
    {
        // Also turns -0 into 0.
        return QByteArray::number(qint64(value));
    }
    // The shortest text that reads back as the same double, in printf's %g style (Qt's 'g' writes 5e-04 for
    // 0.0005).
    char text[32];
    const auto written = std::to_chars(std::begin(text), std::end(text), value, std::chars_format::general);
    return QByteArray(text, written.ptr - text);
}

QByteArray PrometheusEncoder::escapeLabelValue(const QString &value)
{
    return escaped(value, true);
}

QByteArray PrometheusEncoder::escapeHelp(const QString &help)
{
    return escaped(help, false);
}
