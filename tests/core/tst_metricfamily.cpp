#include <QTest>

#include "metrics/metricfamily.h"

using namespace Qt::Literals::StringLiterals;

class TestMetricFamily : public QObject
{
    Q_OBJECT

private slots:
    void keepsSeriesInTheOrderAdded()
    {
        MetricFamily family(u"test_requests_total"_s, u"Requests."_s, MetricFamily::Type::Counter);
        family.add({{u"path"_s, u"/b"_s}}, 2).add({{u"path"_s, u"/a"_s}}, 1);
        QCOMPARE(family.name(), u"test_requests_total"_s);
        QCOMPARE(family.help(), u"Requests."_s);
        QCOMPARE(family.type(), MetricFamily::Type::Counter);
        QCOMPARE(family.series().size(), 2);
        QCOMPARE(family.series().at(0).labels, (MetricLabels{{u"path"_s, u"/b"_s}}));
        QCOMPARE(std::get<double>(family.series().at(0).value), 2.0);
        QCOMPARE(std::get<double>(family.series().at(1).value), 1.0);
    }

    void holdsHistograms()
    {
        Histogram histogram({1});
        histogram.observe(0.5);
        MetricFamily family(u"test_seconds"_s, u"Latency."_s, MetricFamily::Type::Histogram);
        family.add({}, histogram);
        QCOMPARE(std::get<Histogram>(family.series().constFirst().value).count(), quint64(1));
    }

    void namesFollowTheDataModel_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("validMetricName");
        QTest::addColumn<bool>("validLabelName");
        QTest::newRow("plain") << u"autohost_up"_s << true << true;
        QTest::newRow("leading underscore") << u"_x"_s << true << true;
        QTest::newRow("digits after the first") << u"a1_2"_s << true << true;
        QTest::newRow("colon") << u"job:rate5m"_s << true << false;
        QTest::newRow("reserved label") << u"__name__"_s << true << false;
        QTest::newRow("leading digit") << u"1a"_s << false << false;
        QTest::newRow("dash") << u"a-b"_s << false << false;
        QTest::newRow("space") << u"a b"_s << false << false;
        QTest::newRow("non-ASCII letter") << u"größe"_s << false << false;
        QTest::newRow("empty") << QString() << false << false;
    }

    void namesFollowTheDataModel()
    {
        QFETCH(QString, name);
        QFETCH(bool, validMetricName);
        QFETCH(bool, validLabelName);
        QCOMPARE(MetricFamily::isValidName(name), validMetricName);
        QCOMPARE(MetricFamily::isValidLabelName(name), validLabelName);
    }
};

QTEST_APPLESS_MAIN(TestMetricFamily)
#include "tst_metricfamily.moc"
