#include "metricfamily.h"

#include <algorithm>

namespace
{
bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isNameCharacter(QChar c, bool first, bool colonAllowed)
{
    return isAsciiLetter(c) || c == u'_' || (colonAllowed && c == u':') || (!first && c >= u'0' && c <= u'9');
}

bool isValidIdentifier(const QString &name, bool colonAllowed)
{
    if (name.isEmpty())
    {
        return false;
    }
    for (qsizetype i = 0; i < name.size(); ++i)
    {
        if (!isNameCharacter(name.at(i), i == 0, colonAllowed))
        {
            return false;
        }
    }
    return true;
}
} // namespace

MetricFamily::MetricFamily(QString name, QString help, Type type)
    : m_name(std::move(name))
    , m_help(std::move(help))
    , m_type(type)
{
    Q_ASSERT_X(isValidName(m_name), "MetricFamily", "invalid metric name");
}

MetricFamily &MetricFamily::add(MetricLabels labels, double value)
{
    Q_ASSERT(m_type != Type::Histogram);
    addSeries({std::move(labels), value});
    return *this;
}

MetricFamily &MetricFamily::add(MetricLabels labels, Histogram histogram)
{
    Q_ASSERT(m_type == Type::Histogram);
    addSeries({std::move(labels), std::move(histogram)});
    return *this;
}

void MetricFamily::addSeries(Series series)
{
    Q_ASSERT_X(std::all_of(series.labels.cbegin(), series.labels.cend(),
                           [this](const auto &label) {
                               return isValidLabelName(label.first) &&
                                      !(m_type == Type::Histogram && label.first == u"le");
                           }),
               "MetricFamily", "invalid label name");
    m_series.append(std::move(series));
}

bool MetricFamily::isValidName(const QString &name)
{
    return isValidIdentifier(name, true);
}

bool MetricFamily::isValidLabelName(const QString &name)
{
    return isValidIdentifier(name, false) && !name.startsWith(u"__");
}
