#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "metrics/metricfamily.h"

// The Prometheus text exposition format, version 0.0.4 (Content-Type "text/plain; version=0.0.4"): per family
// a HELP and a TYPE line, then one line per sample; histograms as _bucket{le=...} lines (cumulative, ending
// with le="+Inf"), _sum and _count. No timestamps. Pure functions of their input.
class PrometheusEncoder
{
public:
    static QByteArray encode(const QList<MetricFamily> &families);

    // A sample value: integral values as plain integers, others in the shortest form that reads back the
    // same; NaN, +Inf and -Inf as Prometheus writes them.
    static QByteArray formatNumber(double value);
    // Inside the quotes of a label value: backslash, double quote and line feed escaped.
    static QByteArray escapeLabelValue(const QString &value);
    // The text of a HELP line: backslash and line feed escaped.
    static QByteArray escapeHelp(const QString &help);
};
