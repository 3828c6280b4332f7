#pragma once

#include <QList>
#include <QObject>

#include "protocol/json.h"

// The dashboard's history from the admin API's metrics section and updateRate events, with the properties
// the views read of MetricsHistory.
class MirrorMetrics : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QList<qreal> battleSamples READ battleSamples NOTIFY samplesChanged)
    Q_PROPERTY(QList<qreal> updateRateSamples READ updateRateSamples NOTIFY samplesChanged)
    Q_PROPERTY(qreal peakUpdateRate READ peakUpdateRate NOTIFY samplesChanged)
    Q_PROPERTY(qreal currentUpdateRate READ currentUpdateRate NOTIFY currentUpdateRateChanged)
    Q_PROPERTY(int sampleIntervalSeconds READ sampleIntervalSeconds NOTIFY samplesChanged)
    Q_PROPERTY(int windowSeconds READ windowSeconds NOTIFY samplesChanged)

public:
    using QObject::QObject;

    // Oldest first.
    QList<qreal> battleSamples() const { return m_battleSamples; }
    QList<qreal> updateRateSamples() const { return m_updateRateSamples; }
    qreal peakUpdateRate() const { return m_peakUpdateRate; }
    qreal currentUpdateRate() const { return m_currentUpdateRate; }
    int sampleIntervalSeconds() const { return m_sampleIntervalSeconds; }
    int windowSeconds() const { return m_windowSeconds; }

    // The metrics section (the snapshot's, or a metrics event's data).
    void apply(const Json &section);
    void setCurrentUpdateRate(qreal rate);

signals:
    void samplesChanged();
    void currentUpdateRateChanged();

private:
    QList<qreal> m_battleSamples;
    QList<qreal> m_updateRateSamples;
    qreal m_peakUpdateRate = 0;
    qreal m_currentUpdateRate = 0;
    // MetricsHistory's defaults until the host tells its own.
    int m_sampleIntervalSeconds = 10;
    int m_windowSeconds = 3600;
};
