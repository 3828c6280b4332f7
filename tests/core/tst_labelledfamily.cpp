#include <QTest>

#include "metrics/counter.h"
#include "metrics/histogram.h"
#include "metrics/labelledfamily.h"

using namespace Qt::Literals::StringLiterals;

class TestLabelledFamily : public QObject
{
    Q_OBJECT

private slots:
    void keepsOneSeriesPerLabelValues()
    {
        LabelledFamily<Counter> family({u"command"_s, u"outcome"_s}, Counter());
        QCOMPARE(family.size(), 0);
        family.with({u"b"_s, u"success"_s}).increment();
        family.with({u"a"_s, u"failed"_s}).increment(2);
        family.with({u"b"_s, u"success"_s}).increment();
        QCOMPARE(family.size(), 2);
        QCOMPARE(family.with({u"b"_s, u"success"_s}).value(), 2.0);
        QCOMPARE(family.labelNames(), (QStringList{u"command"_s, u"outcome"_s}));
    }

    void visitsTheSeriesInTheOrderOfTheirLabelValues()
    {
        LabelledFamily<Counter> family({u"command"_s, u"outcome"_s}, Counter());
        family.with({u"b"_s, u"success"_s}).increment();
        family.with({u"a"_s, u"z"_s}).increment(2);
        family.with({u"a"_s, u"failed"_s}).increment(3);
        QList<QPair<MetricLabels, double>> visited;
        family.forEach(
            [&visited](const MetricLabels &labels, const Counter &counter) {
                visited.append({labels, counter.value()});
            });
        const QList<QPair<MetricLabels, double>> expected = {
            {{{u"command"_s, u"a"_s}, {u"outcome"_s, u"failed"_s}}, 3},
            {{{u"command"_s, u"a"_s}, {u"outcome"_s, u"z"_s}}, 2},
            {{{u"command"_s, u"b"_s}, {u"outcome"_s, u"success"_s}}, 1},
        };
        QCOMPARE(visited, expected);
    }

    void newSeriesStartFromThePrototype()
    {
        LabelledFamily<Histogram> family({u"command"_s}, Histogram({0.1, 1}));
        family.with({u"x"_s}).observe(0.5);
        const Histogram &fresh = family.with({u"y"_s});
        QCOMPARE(fresh.upperBounds(), (QList<double>{0.1, 1}));
        QCOMPARE(fresh.count(), quint64(0));
        QCOMPARE(family.with({u"x"_s}).cumulativeCounts(), (QList<quint64>{0, 1}));
    }
};

QTEST_APPLESS_MAIN(TestLabelledFamily)
#include "tst_labelledfamily.moc"
