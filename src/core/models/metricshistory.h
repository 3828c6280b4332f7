#pragma once

#include <functional>

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class BattleManager;
class UpdateBuffer;

// The dashboard's recent history: every sample interval, the number of running battles and the rate of
// battle updates since the previous sample (updates per second), kept over a window (oldest samples
// dropped first); plus the current update rate, measured every second.
class MetricsHistory : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QList<qreal> battleSamples READ battleSamples NOTIFY samplesChanged)
    Q_PROPERTY(QList<qreal> updateRateSamples READ updateRateSamples NOTIFY samplesChanged)
    Q_PROPERTY(qreal peakUpdateRate READ peakUpdateRate NOTIFY samplesChanged)
    Q_PROPERTY(qreal currentUpdateRate READ currentUpdateRate NOTIFY currentUpdateRateChanged)
    Q_PROPERTY(int sampleIntervalSeconds READ sampleIntervalSeconds CONSTANT)
    Q_PROPERTY(int windowSeconds READ windowSeconds CONSTANT)

public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    struct Settings
    {
        int sampleIntervalSeconds = 10;
        int windowSeconds = 3600;
        int currentRateIntervalMs = 1000;
    };

    MetricsHistory(BattleManager *battles, UpdateBuffer *updates, QObject *parent = nullptr);
    MetricsHistory(BattleManager *battles, UpdateBuffer *updates, const Settings &settings,
                   QObject *parent = nullptr);

    // For tests: replaces the monotonic clock; the next sample and rate measure from the clock's time now.
    void setClock(Clock clock);

    // Oldest first, at most windowSeconds / sampleIntervalSeconds of each.
    QList<qreal> battleSamples() const { return m_battleSamples; }
    QList<qreal> updateRateSamples() const { return m_updateRateSamples; }
    // The highest update rate sample in the window.
    qreal peakUpdateRate() const;
    // Updates per second over the last second or so.
    qreal currentUpdateRate() const { return m_currentUpdateRate; }
    int sampleIntervalSeconds() const { return m_settings.sampleIntervalSeconds; }
    int windowSeconds() const { return m_settings.windowSeconds; }
    // How many samples the window holds.
    int capacity() const;

    // Takes a sample now (the timer does this every sample interval).
    Q_INVOKABLE void sampleNow();

signals:
    void samplesChanged();
    void currentUpdateRateChanged();

private:
    void measureCurrentRate();

    BattleManager *m_battles;
    Settings m_settings;
    QElapsedTimer m_elapsed;
    Clock m_clock;
    QTimer m_sampleTimer;
    QTimer m_rateTimer;
    QList<qreal> m_battleSamples;
    QList<qreal> m_updateRateSamples;
    qint64 m_lastSampleTime = 0;
    qint64 m_updatesSinceSample = 0;
    qint64 m_lastRateTime = 0;
    qint64 m_updatesSinceRate = 0;
    qreal m_currentUpdateRate = 0;
};
