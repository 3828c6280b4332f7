#pragma once

#include <variant>

#include <QList>
#include <QPair>
#include <QString>

#include "metrics/histogram.h"

// Label names and values of one series, in the order the exposition shows them.
using MetricLabels = QList<QPair<QString, QString>>;

// One metric family as it stands when /metrics is asked for: name, help text, type and its series, each a
// value (counter, gauge) or a histogram. What PrometheusEncoder writes.
class MetricFamily
{
public:
    enum class Type
    {
        Counter,
        Gauge,
        Histogram,
    };

    struct Series
    {
        MetricLabels labels;
        std::variant<double, Histogram> value;
    };

    // The name must be a valid metric name; Histogram families take histograms, the others numbers.
    MetricFamily(QString name, QString help, Type type);

    MetricFamily &add(MetricLabels labels, double value);
    MetricFamily &add(MetricLabels labels, Histogram histogram);

    const QString &name() const { return m_name; }
    const QString &help() const { return m_help; }
    Type type() const { return m_type; }
    const QList<Series> &series() const { return m_series; }

    // [a-zA-Z_:][a-zA-Z0-9_:]*
    static bool isValidName(const QString &name);
    // [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__" (reserved for Prometheus itself)
    static bool isValidLabelName(const QString &name);

private:
    void addSeries(Series series);

    QString m_name;
    QString m_help;
    Type m_type;
    QList<Series> m_series;
};
