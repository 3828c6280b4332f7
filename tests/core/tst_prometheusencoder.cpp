#include <cmath>
#include <limits>

#include <QTest>

#include "expositionparser.h"
#include "metrics/prometheusencoder.h"

using namespace Qt::Literals::StringLiterals;

// The encoder's exact text, and the same text read back by a real exposition parser (the npm package
// parse-prometheus-text-format), which must find every name, type, label value and number we meant.
class TestPrometheusEncoder : public QObject
{
    Q_OBJECT

private:
    // Label values that need every escape, and text beyond ASCII.
    static QString trickyValue() { return u"C:\\temp \"quoted\"\nnext line, Grüße"_s; }

    static QList<MetricFamily> countersAndGauges()
    {
        QList<MetricFamily> families;
        families.append(
            MetricFamily(u"test_up"_s, u"Whether the test is up."_s, MetricFamily::Type::Gauge).add({}, 1));
        families.append(MetricFamily(u"test_requests_total"_s, u"Requests, by path.\nA \\ second line."_s,
                                     MetricFamily::Type::Counter)
                            .add({{u"path"_s, u"/a"_s}, {u"code"_s, u"200"_s}}, 3)
                            .add({{u"path"_s, trickyValue()}, {u"code"_s, u"500"_s}}, 0.25));
        families.append(MetricFamily(u"test_empty"_s, u"No series yet."_s, MetricFamily::Type::Counter));
        families.append(MetricFamily(u"test_temperature"_s, u"Odd values."_s, MetricFamily::Type::Gauge)
                            .add({{u"sensor"_s, u"nan"_s}}, std::numeric_limits<double>::quiet_NaN())
                            .add({{u"sensor"_s, u"hot"_s}}, std::numeric_limits<double>::infinity())
                            .add({{u"sensor"_s, u"cold"_s}}, -std::numeric_limits<double>::infinity())
                            .add({{u"sensor"_s, u"tiny"_s}}, 1e-9));
        return families;
    }

    static QList<MetricFamily> histograms()
    {
        Histogram fast({0.25, 1, 2.5});
        for (const double value : {0.125, 0.5, 1.0, 3.0})
        {
            fast.observe(value);
        }
        Histogram idle({0.25, 1, 2.5});
        Histogram plain({0.5});
        plain.observe(0.75);
        QList<MetricFamily> families;
        families.append(
            MetricFamily(u"test_duration_seconds"_s, u"Durations."_s, MetricFamily::Type::Histogram)
                .add({{u"command"_s, u"fast"_s}}, fast)
                .add({{u"command"_s, u"idle"_s}}, idle));
        families.append(MetricFamily(u"test_plain_seconds"_s, u"Unlabelled."_s, MetricFamily::Type::Histogram)
                            .add({}, plain));
        return families;
    }

    static QString labelOf(const ExpositionParser::Sample &sample, const QString &name)
    {
        return sample.labels.value(name);
    }

private slots:
    void encodesCountersAndGauges()
    {
        const QByteArray expected =
            "# HELP test_up Whether the test is up.\n"
            "# TYPE test_up gauge\n"
            "test_up 1\n"
            "# HELP test_requests_total Requests, by path.\\nA \\\\ second line.\n"
            "# TYPE test_requests_total counter\n"
            "test_requests_total{path=\"/a\",code=\"200\"} 3\n"
            "test_requests_total{path=\"C:\\\\temp \\\"quoted\\\"\\nnext line, Grüße\","
            "code=\"500\"} 0.25\n"
            "# HELP test_empty No series yet.\n"
            "# TYPE test_empty counter\n"
            "# HELP test_temperature Odd values.\n"
            "# TYPE test_temperature gauge\n"
            "test_temperature{sensor=\"nan\"} NaN\n"
            "test_temperature{sensor=\"hot\"} +Inf\n"
            "test_temperature{sensor=\"cold\"} -Inf\n"
            "test_temperature{sensor=\"tiny\"} 1e-09\n";
        QCOMPARE(PrometheusEncoder::encode(countersAndGauges()), expected);
    }

    void encodesHistogramsWithCumulativeBuckets()
    {
        const QByteArray expected = "# HELP test_duration_seconds Durations.\n"
                                    "# TYPE test_duration_seconds histogram\n"
                                    "test_duration_seconds_bucket{command=\"fast\",le=\"0.25\"} 1\n"
                                    "test_duration_seconds_bucket{command=\"fast\",le=\"1\"} 3\n"
                                    "test_duration_seconds_bucket{command=\"fast\",le=\"2.5\"} 3\n"
                                    "test_duration_seconds_bucket{command=\"fast\",le=\"+Inf\"} 4\n"
                                    "test_duration_seconds_sum{command=\"fast\"} 4.625\n"
                                    "test_duration_seconds_count{command=\"fast\"} 4\n"
                                    "test_duration_seconds_bucket{command=\"idle\",le=\"0.25\"} 0\n"
                                    "test_duration_seconds_bucket{command=\"idle\",le=\"1\"} 0\n"
                                    "test_duration_seconds_bucket{command=\"idle\",le=\"2.5\"} 0\n"
                                    "test_duration_seconds_bucket{command=\"idle\",le=\"+Inf\"} 0\n"
                                    "test_duration_seconds_sum{command=\"idle\"} 0\n"
                                    "test_duration_seconds_count{command=\"idle\"} 0\n"
                                    "# HELP test_plain_seconds Unlabelled.\n"
                                    "# TYPE test_plain_seconds histogram\n"
                                    "test_plain_seconds_bucket{le=\"0.5\"} 0\n"
                                    "test_plain_seconds_bucket{le=\"+Inf\"} 1\n"
                                    "test_plain_seconds_sum 0.75\n"
                                    "test_plain_seconds_count 1\n";
        QCOMPARE(PrometheusEncoder::encode(histograms()), expected);
    }

    void formatsNumbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("negative zero") << -0.0 << QByteArray("0");
        QTest::newRow("integer") << 42.0 << QByteArray("42");
        QTest::newRow("negative integer") << -7.0 << QByteArray("-7");
        QTest::newRow("large integer") << 123456789012.0 << QByteArray("123456789012");
        QTest::newRow("2^53") << 9007199254740992.0 << QByteArray("9007199254740992");
        QTest::newRow("beyond 2^53") << 36028797018963968.0 << QByteArray("3.602879701896397e+16");
        QTest::newRow("fraction") << 0.25 << QByteArray("0.25");
        QTest::newRow("bucket bound") << 0.0005 << QByteArray("0.0005");
        QTest::newRow("third") << 1.0 / 3 << QByteArray("0.3333333333333333");
        QTest::newRow("small") << 1e-9 << QByteArray("1e-09");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
        QTest::newRow("+Inf") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
        QTest::newRow("-Inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
    }

    void formatsNumbers()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(PrometheusEncoder::formatNumber(value), text);
        // What a parser reads back is the same number.
        if (!std::isnan(value))
        {
            bool ok = false;
            const double read = text == "+Inf"   ? std::numeric_limits<double>::infinity()
                                : text == "-Inf" ? -std::numeric_limits<double>::infinity()
                                                 : text.toDouble(&ok);
            QVERIFY(ok || std::isinf(read));
            QCOMPARE(read, value);
        }
    }

    void escapesLabelValuesAndHelp()
    {
        QCOMPARE(PrometheusEncoder::escapeLabelValue(u"a\\b\"c\nd\te"_s), QByteArray("a\\\\b\\\"c\\nd\te"));
        // HELP text keeps its double quotes.
        QCOMPARE(PrometheusEncoder::escapeHelp(u"a\\b\"c\nd"_s), QByteArray("a\\\\b\"c\\nd"));
    }

    void aRealParserReadsBackWhatWasMeant()
    {
        QList<MetricFamily> families = countersAndGauges();
        families.append(histograms());
        const auto parsed = ExpositionParser::parse(PrometheusEncoder::encode(families));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));

        const QStringList names = {
            u"test_up"_s,          u"test_requests_total"_s,   u"test_empty"_s,
            u"test_temperature"_s, u"test_duration_seconds"_s, u"test_plain_seconds"_s};
        const QStringList types = {u"GAUGE"_s, u"COUNTER"_s,   u"COUNTER"_s,
                                   u"GAUGE"_s, u"HISTOGRAM"_s, u"HISTOGRAM"_s};
        QCOMPARE(parsed->families.size(), names.size());
        for (qsizetype i = 0; i < names.size(); ++i)
        {
            QCOMPARE(parsed->families.at(i).name, names.at(i));
            QCOMPARE(parsed->families.at(i).type, types.at(i));
        }
        QCOMPARE(parsed->family(u"test_requests_total"_s)->help, u"Requests, by path.\nA \\ second line."_s);

        const QList<ExpositionParser::Sample> requests = parsed->samplesNamed(u"test_requests_total"_s);
        QCOMPARE(requests.size(), 2);
        QCOMPARE(labelOf(requests.at(1), u"path"_s), trickyValue());
        QCOMPARE(labelOf(requests.at(1), u"code"_s), u"500"_s);
        QCOMPARE(requests.at(1).value.toDouble(), 0.25);
        QVERIFY(parsed->samplesNamed(u"test_empty"_s).isEmpty());

        QStringList temperatures;
        for (const ExpositionParser::Sample &sample : parsed->samplesNamed(u"test_temperature"_s))
        {
            temperatures.append(labelOf(sample, u"sensor"_s) + u'=' + sample.value);
        }
        QCOMPARE(temperatures, (QStringList{u"nan=NaN"_s, u"hot=+Inf"_s, u"cold=-Inf"_s, u"tiny=1e-09"_s}));

        QStringList buckets;
        for (const ExpositionParser::Sample &sample : parsed->samplesNamed(u"test_duration_seconds_bucket"_s))
        {
            buckets.append(labelOf(sample, u"command"_s) + u' ' + labelOf(sample, u"le"_s) + u' ' +
                           sample.value);
        }
        QCOMPARE(buckets, (QStringList{u"fast 0.25 1"_s, u"fast 1 3"_s, u"fast 2.5 3"_s, u"fast +Inf 4"_s,
                                       u"idle 0.25 0"_s, u"idle 1 0"_s, u"idle 2.5 0"_s, u"idle +Inf 0"_s}));
        const QList<ExpositionParser::Sample> sums = parsed->samplesNamed(u"test_duration_seconds_sum"_s);
        QCOMPARE(sums.size(), 2);
        QCOMPARE(sums.at(0).value.toDouble(), 4.625);
        QCOMPARE(parsed->samplesNamed(u"test_duration_seconds_count"_s).at(0).value, u"4"_s);
        // The parser's own histogram view of the unlabelled one.
        const Json &plain = parsed->parsed.at("families").at(5).at("metrics").at(0);
        QCOMPARE(plain.at("buckets").at("0.5").get<std::string>(), std::string("0"));
        QCOMPARE(plain.at("buckets").at("+Inf").get<std::string>(), std::string("1"));
        QCOMPARE(plain.at("count").get<std::string>(), std::string("1"));
        QCOMPARE(plain.at("sum").get<std::string>(), std::string("0.75"));
    }

    // The oracle bites: without escaping, the parser rejects a line or reads another label value.
    void theParserNoticesMissingEscapes()
    {
        const QByteArray escaped = "# HELP test_x X.\n# TYPE test_x gauge\ntest_x{v=\"" +
                                   PrometheusEncoder::escapeLabelValue(u"say \"hi\"\nbye"_s) + "\"} 1\n";
        const auto good = ExpositionParser::parse(escaped);
        QVERIFY2(good.ok(), qPrintable(good.ok() ? QString() : good.error()));
        QCOMPARE(good->samplesNamed(u"test_x"_s).size(), 1);
        QCOMPARE(good->samplesNamed(u"test_x"_s).at(0).labels.value(u"v"_s), u"say \"hi\"\nbye"_s);

        const auto unescapedQuote = ExpositionParser::parse("# HELP test_x X.\n# TYPE test_x gauge\n"
                                                            "test_x{v=\"say \"hi\"\"} 1\n");
        QVERIFY(!unescapedQuote.ok());
        QVERIFY2(unescapedQuote.error().contains(u"invalid line"_s), qPrintable(unescapedQuote.error()));

        const auto rawNewline =
            ExpositionParser::parse("# HELP test_x X.\n# TYPE test_x gauge\ntest_x{v=\"say\nbye\"} 1\n");
        const bool readAsMeant =
            rawNewline.ok() && rawNewline->samplesNamed(u"test_x"_s).size() == 1 &&
            rawNewline->samplesNamed(u"test_x"_s).at(0).labels.value(u"v"_s) == u"say\nbye"_s;
        QVERIFY(!readAsMeant);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusEncoder)
#include "tst_prometheusencoder.moc"
