#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QUuid>

#include "metrics/counter.h"
#include "metrics/histogram.h"
#include "metrics/labelledfamily.h"

class AutohostService;
class Battle;

// The autohost's Prometheus metrics, all named autohost_* (docs/metrics.md lists them). Gauges are read from
// the service when rendered; the counters and the latency histogram are fed by the service's signals from
// construction on, so create this object before the service starts. Counters never go down, reconnects
// included.
class AutohostMetrics : public QObject
{
    Q_OBJECT

public:
    explicit AutohostMetrics(AutohostService *service, QObject *parent = nullptr);

    // The whole GET /metrics body in the text exposition format 0.0.4.
    QByteArray render() const;

private:
    void countAnswer(const QString &commandId, const QString &outcome, double latencySeconds);
    void followBattle(Battle *battle);
    QList<MetricFamily> families() const;

    AutohostService *m_service;
    LabelledFamily<Counter> m_requests;
    LabelledFamily<Histogram> m_requestDurations;
    Counter m_updatesRelayed;
    // The users connected to each battle of the battle manager, from the battles' player_joined and
    // player_left updates.
    QHash<QUuid, QSet<QString>> m_joined;
};
