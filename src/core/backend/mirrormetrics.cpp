#include "backend/mirrormetrics.h"

#include <algorithm>

namespace
{
QList<qreal> numbers(const Json &section, const char *member)
{
    QList<qreal> numbers;
    const auto array = section.find(member);
    if (array != section.end() && array->is_array())
    {
        for (const Json &number : *array)
        {
            numbers.append(number.is_number() ? number.get<double>() : 0.0);
        }
    }
    return numbers;
}

double number(const Json &section, const char *member, double fallback)
{
    const auto found = section.find(member);
    return found != section.end() && found->is_number() ? found->get<double>() : fallback;
}
} // namespace

void MirrorMetrics::apply(const Json &section)
{
    if (!section.is_object())
    {
        return;
    }
    m_battleSamples = numbers(section, "battleSamples");
    m_updateRateSamples = numbers(section, "updateRateSamples");
    m_peakUpdateRate = number(section, "peakUpdateRate", 0);
    // Neither is ever below 1 on the host; a bad value would make the views divide by zero.
    m_sampleIntervalSeconds =
        std::max(1, int(number(section, "sampleIntervalSeconds", m_sampleIntervalSeconds)));
    m_windowSeconds = std::max(1, int(number(section, "windowSeconds", m_windowSeconds)));
    emit samplesChanged();
    setCurrentUpdateRate(number(section, "currentUpdateRate", m_currentUpdateRate));
}

void MirrorMetrics::setCurrentUpdateRate(qreal rate)
{
    if (rate != m_currentUpdateRate)
    {
        m_currentUpdateRate = rate;
        emit currentUpdateRateChanged();
    }
}
