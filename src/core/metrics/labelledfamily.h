#pragma once

#include <functional>
#include <map>

#include <QStringList>

#include "metrics/metricfamily.h"

// The series of one labelled metric (a Counter or a Histogram), one per combination of label values, created
// on first use from a prototype and kept for the lifetime of the process, so that counters stay monotonic.
// Series are visited in the order of their label values, which keeps the exposition stable.
template <typename Metric>
class LabelledFamily
{
public:
    LabelledFamily(QStringList labelNames, Metric prototype)
        : m_labelNames(std::move(labelNames))
        , m_prototype(std::move(prototype))
    {
    }

    // The series of these label values (one per label name, in order), created at first use.
    Metric &with(const QStringList &labelValues)
    {
        Q_ASSERT(labelValues.size() == m_labelNames.size());
        return m_series.try_emplace(labelValues, m_prototype).first->second;
    }

    const QStringList &labelNames() const { return m_labelNames; }
    int size() const { return int(m_series.size()); }

    void forEach(const std::function<void(const MetricLabels &labels, const Metric &metric)> &visit) const
    {
        for (const auto &[values, metric] : m_series)
        {
            MetricLabels labels;
            for (qsizetype i = 0; i < m_labelNames.size(); ++i)
            {
                labels.append({m_labelNames.at(i), values.at(i)});
            }
            visit(labels, metric);
        }
    }

private:
    QStringList m_labelNames;
    Metric m_prototype;
    std::map<QStringList, Metric> m_series;
};
