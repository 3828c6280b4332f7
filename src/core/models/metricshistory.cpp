#include "models/metricshistory.h"

#include <algorithm>

#include "battles/battlemanager.h"
#include "updates/updatebuffer.h"

MetricsHistory::MetricsHistory(BattleManager *battles, UpdateBuffer *updates, QObject *parent)
    : MetricsHistory(battles, updates, Settings(), parent)
{
}

MetricsHistory::MetricsHistory(BattleManager *battles, UpdateBuffer *updates, const Settings &settings,
                               QObject *parent)
    : QObject(parent)
    , m_battles(battles)
    , m_settings(settings)
{
    m_elapsed.start();
    setClock([this] { return m_elapsed.elapsed(); });
    connect(updates, &UpdateBuffer::appended, this,
            [this]
            {
                ++m_updatesSinceSample;
                ++m_updatesSinceRate;
            });
    connect(&m_sampleTimer, &QTimer::timeout, this, &MetricsHistory::sampleNow);
    m_sampleTimer.start(std::chrono::seconds(m_settings.sampleIntervalSeconds));
    connect(&m_rateTimer, &QTimer::timeout, this, &MetricsHistory::measureCurrentRate);
    m_rateTimer.start(m_settings.currentRateIntervalMs);
}

void MetricsHistory::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_lastSampleTime = m_clock();
    m_lastRateTime = m_lastSampleTime;
}

qreal MetricsHistory::peakUpdateRate() const
{
    return m_updateRateSamples.isEmpty()
               ? 0
               : *std::max_element(m_updateRateSamples.cbegin(), m_updateRateSamples.cend());
}

int MetricsHistory::capacity() const
{
    return std::max(1, m_settings.windowSeconds / std::max(1, m_settings.sampleIntervalSeconds));
}

void MetricsHistory::sampleNow()
{
    const qint64 now = m_clock();
    const qint64 elapsed = now - m_lastSampleTime;
    m_battleSamples.append(m_battles->currentBattles());
    m_updateRateSamples.append(elapsed > 0 ? qreal(m_updatesSinceSample) * 1000 / qreal(elapsed) : 0);
    m_lastSampleTime = now;
    m_updatesSinceSample = 0;
    const qsizetype excess = m_battleSamples.size() - capacity();
    if (excess > 0)
    {
        m_battleSamples.remove(0, excess);
        m_updateRateSamples.remove(0, excess);
    }
    emit samplesChanged();
}

void MetricsHistory::measureCurrentRate()
{
    const qint64 now = m_clock();
    const qint64 elapsed = now - m_lastRateTime;
    if (elapsed <= 0)
    {
        return;
    }
    const qreal rate = qreal(m_updatesSinceRate) * 1000 / qreal(elapsed);
    m_lastRateTime = now;
    m_updatesSinceRate = 0;
    if (rate != m_currentUpdateRate)
    {
        m_currentUpdateRate = rate;
        emit currentUpdateRateChanged();
    }
}
