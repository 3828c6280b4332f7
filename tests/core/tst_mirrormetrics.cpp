#include <QSignalSpy>
#include <QTest>

#include "backend/mirrormetrics.h"

using namespace Qt::Literals::StringLiterals;

// The dashboard's history from the admin API's metrics section.
class TestMirrorMetrics : public QObject
{
    Q_OBJECT

private slots:
    void takesTheSection()
    {
        MirrorMetrics metrics;
        QCOMPARE(metrics.sampleIntervalSeconds(), 10);
        QSignalSpy samples(&metrics, &MirrorMetrics::samplesChanged);
        QSignalSpy rate(&metrics, &MirrorMetrics::currentUpdateRateChanged);
        metrics.apply({{"sampleIntervalSeconds", 5},
                       {"windowSeconds", 60},
                       {"battleSamples", {0, 1, 2}},
                       {"updateRateSamples", {0.5, 12.25}},
                       {"peakUpdateRate", 12.25},
                       {"currentUpdateRate", 3.5}});
        QCOMPARE(samples.size(), 1);
        QCOMPARE(rate.size(), 1);
        QCOMPARE(metrics.sampleIntervalSeconds(), 5);
        QCOMPARE(metrics.windowSeconds(), 60);
        QCOMPARE(metrics.battleSamples(), QList<qreal>({0, 1, 2}));
        QCOMPARE(metrics.updateRateSamples(), QList<qreal>({0.5, 12.25}));
        QCOMPARE(metrics.peakUpdateRate(), 12.25);
        QCOMPARE(metrics.currentUpdateRate(), 3.5);

        metrics.setCurrentUpdateRate(3.5);
        QCOMPARE(rate.size(), 1);
        metrics.setCurrentUpdateRate(7);
        QCOMPARE(rate.size(), 2);
        QCOMPARE(metrics.currentUpdateRate(), 7.0);
    }

    void survivesNonsense()
    {
        MirrorMetrics metrics;
        metrics.apply({{"sampleIntervalSeconds", 0},
                       {"windowSeconds", "long"},
                       {"battleSamples", {"x", 2}},
                       {"peakUpdateRate", nullptr}});
        QCOMPARE(metrics.sampleIntervalSeconds(), 1);
        QCOMPARE(metrics.windowSeconds(), 3600);
        QCOMPARE(metrics.battleSamples(), QList<qreal>({0, 2}));
        QCOMPARE(metrics.peakUpdateRate(), 0.0);
        metrics.apply(Json("not a section"));
        QCOMPARE(metrics.battleSamples(), QList<qreal>({0, 2}));
    }
};

QTEST_GUILESS_MAIN(TestMirrorMetrics)
#include "tst_mirrormetrics.moc"
