#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include "autohostservice.h"
#include "expositionparser.h"
#include "faketachyonserver.h"
#include "metrics/autohostmetrics.h"
#include "servicetesthost.h"
#include "testhttpserver.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// The /metrics body of a real service: a fake Tachyon server sends requests over loopback, battles run the
// fake engine, and the rendered values are compared with what the server received and what the service
// holds. One test reads the whole body with a real exposition parser (npm parse-prometheus-text-format).
class TestAutohostMetrics : public QObject
{
    Q_OBJECT

private:
    // Every family with its type as the parser names it and its labels (a histogram's without le).
    struct ExpectedFamily
    {
        QString name;
        QString type;
        QStringList labels;
    };

    std::unique_ptr<ServiceTestHost> m_host;
    std::unique_ptr<AutohostMetrics> m_metrics;
    AutohostService *m_service = nullptr;
    FakeTachyonServer *m_server = nullptr;
    // The server's connection to the autohost: the host's first, then the one after a reconnect.
    int m_connection = -1;

    Json request(const QString &command, const std::optional<Json> &data = {})
    {
        const QString id = m_server->sendRequest(m_connection, command, data);
        return m_server->waitForResponse(id, 10000);
    }

    QUuid startBattle(const QString &fakescript = {})
    {
        const QUuid id = QUuid::createUuid();
        QList<QPair<QString, QString>> options;
        if (!fakescript.isEmpty())
        {
            options.append({u"fakescript"_s, fakescript});
        }
        const Json response = request(u"autohost/start"_s, ServiceTestHost::startData(id, options));
        if (response.value("status", "") != "success")
        {
            qWarning("start failed: %s", dumpJson(response).c_str());
            return {};
        }
        return id;
    }

    bool kill(const QUuid &id)
    {
        return request(u"autohost/kill"_s, Json{{"battleId", toStdString(uuidText(id))}})
                   .value("status", "") == "success";
    }

    // The value on the line "<series> <value>" of the rendered body, if there is exactly such a line.
    std::optional<double> value(const QByteArray &series) const
    {
        std::optional<double> found;
        for (const QByteArray &line : m_metrics->render().split('\n'))
        {
            if (line.startsWith(QByteArray(series + ' ')))
            {
                bool ok = false;
                const double number = line.mid(series.size() + 1).toDouble(&ok);
                if (!ok || found)
                {
                    return std::nullopt;
                }
                found = number;
            }
        }
        return found;
    }

    static QByteArray battleSeries(const char *name, const QUuid &id)
    {
        return QByteArray(name) + "{battle_id=\"" + uuidText(id).toUtf8() + "\"}";
    }

    // The lines of the body that start with a prefix.
    QByteArrayList linesStartingWith(const QByteArray &prefix) const
    {
        QByteArrayList lines;
        for (const QByteArray &line : m_metrics->render().split('\n'))
        {
            if (line.startsWith(prefix))
            {
                lines.append(line);
            }
        }
        return lines;
    }

    // Waits for the autohost to connect again and be ready.
    bool waitForReconnect()
    {
        m_connection = m_server->waitForReadyAutohost(20000);
        return m_connection >= 0;
    }

    int updatesReceived() const
    {
        const QList<Json> received = m_server->allReceived();
        return int(std::count_if(received.cbegin(), received.cend(),
                                 [](const Json &message)
                                 { return message.value("commandId", "") == "autohost/update"; }));
    }

    // Per "command outcome", the responses the server received on every connection, commands the autohost
    // does not implement counted as "other".
    QMap<QString, int> responsesReceived() const
    {
        QMap<QString, int> responses;
        for (const Json &message : m_server->allReceived())
        {
            if (message.value("type", "") != "response")
            {
                continue;
            }
            const QString outcome = message.value("status", "") == "success"
                                        ? u"success"_s
                                        : toQString(message.value("reason", ""));
            const QString command = outcome == u"command_unimplemented"_s
                                        ? u"other"_s
                                        : toQString(message.value("commandId", ""));
            ++responses[command + u' ' + outcome];
        }
        return responses;
    }

    static QList<ExpectedFamily> expectedFamilies()
    {
        return {
            {u"autohost_build_info"_s, u"GAUGE"_s, {u"version"_s}},
            {u"autohost_tachyon_connected"_s, u"GAUGE"_s, {}},
            {u"autohost_tachyon_reconnects_total"_s, u"COUNTER"_s, {}},
            {u"autohost_battles_running"_s, u"GAUGE"_s, {}},
            {u"autohost_battles_max"_s, u"GAUGE"_s, {}},
            {u"autohost_draining"_s, u"GAUGE"_s, {}},
            {u"autohost_engines_available"_s, u"GAUGE"_s, {}},
            {u"autohost_engines_installing"_s, u"GAUGE"_s, {}},
            {u"autohost_updates_relayed_total"_s, u"COUNTER"_s, {}},
            {u"autohost_journal_write_failures_total"_s, u"COUNTER"_s, {}},
            {u"autohost_journal_records_pending"_s, u"GAUGE"_s, {}},
            {u"autohost_requests_total"_s, u"COUNTER"_s, {u"command"_s, u"outcome"_s}},
            {u"autohost_request_duration_seconds"_s, u"HISTOGRAM"_s, {u"command"_s}},
            {u"autohost_battle_players_joined"_s, u"GAUGE"_s, {u"battle_id"_s}},
            {u"autohost_battle_cpu_seconds_total"_s, u"COUNTER"_s, {u"battle_id"_s}},
            {u"autohost_battle_resident_memory_bytes"_s, u"GAUGE"_s, {u"battle_id"_s}},
        };
    }

    // What the parser read from the body against the families above and the service's state: every problem
    // found, none when the body is right. Battle metrics are checked for the running battle given.
    QStringList problemsIn(const QByteArray &body, const QUuid &runningBattle, int playersJoined) const
    {
        const auto parsed = ExpositionParser::parse(body);
        if (!parsed)
        {
            return {parsed.error()};
        }
        QStringList problems;
        const QList<ExpectedFamily> expected = expectedFamilies();
        QStringList names;
        for (const ExpositionParser::Family &family : parsed->families)
        {
            names.append(family.name);
        }
        QStringList expectedNames;
        for (const ExpectedFamily &family : expected)
        {
            expectedNames.append(family.name);
        }
        if (names != expectedNames)
        {
            problems.append(u"families %1, expected %2"_s.arg(names.join(u','), expectedNames.join(u',')));
        }

        // Per family name: its samples' names with suffix, labels and values.
        QHash<QString, QList<ExpositionParser::Sample>> samplesOf;
        for (const ExpectedFamily &family : expected)
        {
            const ExpositionParser::Family *read = parsed->family(family.name);
            if (!read || read->type != family.type || read->help.isEmpty())
            {
                problems.append(u"%1: type %2 or help missing, expected %3"_s.arg(
                    family.name, read ? read->type : u"(none)"_s, family.type));
            }
            const QStringList suffixes = family.type == u"HISTOGRAM"_s
                                             ? QStringList{u"_bucket"_s, u"_sum"_s, u"_count"_s}
                                             : QStringList{QString()};
            for (const QString &suffix : suffixes)
            {
                for (const ExpositionParser::Sample &sample : parsed->samplesNamed(family.name + suffix))
                {
                    QStringList labels = family.labels;
                    if (suffix == u"_bucket"_s)
                    {
                        labels.append(u"le"_s);
                    }
                    QStringList readLabels = sample.labels.keys();
                    labels.sort();
                    if (readLabels != labels)
                    {
                        problems.append(u"%1: labels %2, expected %3"_s.arg(
                            sample.name, readLabels.join(u','), labels.join(u',')));
                    }
                    bool ok = false;
                    sample.value.toDouble(&ok);
                    if (!ok && sample.value != u"+Inf"_s)
                    {
                        problems.append(u"%1: value \"%2\" is no number"_s.arg(sample.name, sample.value));
                    }
                    samplesOf[family.name + suffix].append(sample);
                }
            }
        }
        qsizetype sampleCount = 0;
        for (const auto &samples : std::as_const(samplesOf))
        {
            sampleCount += samples.size();
        }
        if (sampleCount != parsed->samples.size())
        {
            problems.append(u"%1 samples of unknown names"_s.arg(parsed->samples.size() - sampleCount));
        }

        const auto single = [&](const QString &name) -> double
        {
            const auto samples = samplesOf.value(name);
            return samples.size() == 1 ? samples.at(0).value.toDouble() : -1;
        };
        const auto expectValue = [&](const QString &name, double expectedValue)
        {
            if (single(name) != expectedValue)
            {
                problems.append(u"%1 = %2, expected %3"_s.arg(name).arg(single(name)).arg(expectedValue));
            }
        };
        expectValue(u"autohost_build_info"_s, 1);
        if (samplesOf.value(u"autohost_build_info"_s).value(0).labels.value(u"version"_s) !=
            QStringLiteral(AUTOHOST_VERSION))
        {
            problems.append(u"autohost_build_info has not the version"_s);
        }
        expectValue(u"autohost_tachyon_connected"_s, 1);
        expectValue(u"autohost_battles_running"_s, m_service->battles()->currentBattles());
        expectValue(u"autohost_battles_max"_s, m_service->config().maxBattles);
        expectValue(u"autohost_draining"_s, 0);
        expectValue(u"autohost_engines_available"_s, double(m_service->engines()->versions().size()));
        expectValue(u"autohost_updates_relayed_total"_s, updatesReceived());
        expectValue(u"autohost_journal_write_failures_total"_s, 0);
        expectValue(u"autohost_journal_records_pending"_s, 0);

        QMap<QString, int> requests;
        for (const ExpositionParser::Sample &sample : samplesOf.value(u"autohost_requests_total"_s))
        {
            requests.insert(sample.labels.value(u"command"_s) + u' ' + sample.labels.value(u"outcome"_s),
                            int(sample.value.toDouble()));
        }
        if (requests != responsesReceived())
        {
            problems.append(u"requests counted differ from the responses received"_s);
        }
        QMap<QString, double> countsByCommand;
        for (const ExpositionParser::Sample &sample :
             samplesOf.value(u"autohost_request_duration_seconds_count"_s))
        {
            countsByCommand.insert(sample.labels.value(u"command"_s), sample.value.toDouble());
        }
        QMap<QString, double> requestsByCommand;
        for (auto it = requests.cbegin(); it != requests.cend(); ++it)
        {
            requestsByCommand[it.key().section(u' ', 0, 0)] += it.value();
        }
        if (countsByCommand != requestsByCommand)
        {
            problems.append(u"histogram counts differ from the requests counted"_s);
        }

        const QString battleId = uuidText(runningBattle);
        const auto battleValue = [&](const QString &name) -> std::optional<double>
        {
            const auto samples = samplesOf.value(name);
            if (samples.size() != 1 || samples.at(0).labels.value(u"battle_id"_s) != battleId)
            {
                return std::nullopt;
            }
            return samples.at(0).value.toDouble();
        };
        if (battleValue(u"autohost_battle_players_joined"_s) != double(playersJoined))
        {
            problems.append(u"players joined of the battle missing or wrong"_s);
        }
        if (!(battleValue(u"autohost_battle_cpu_seconds_total"_s).value_or(-1) >= 0))
        {
            problems.append(u"CPU seconds of the battle missing"_s);
        }
        if (!(battleValue(u"autohost_battle_resident_memory_bytes"_s).value_or(0) > 0))
        {
            problems.append(u"resident memory of the battle missing"_s);
        }
        return problems;
    }

private slots:
    void init()
    {
        // The metrics follow the service from its first request (the server's subscribeUpdates) on.
        m_host = std::make_unique<ServiceTestHost>(
            QStringLiteral(FAKE_ENGINE_PATH), [](Config &config) { config.maxBattles = 2; },
            [this](AutohostService &service) { m_metrics = std::make_unique<AutohostMetrics>(&service); });
        QVERIFY2(m_host->problem().isEmpty(), qPrintable(m_host->problem()));
        m_service = &m_host->service();
        m_server = &m_host->server();
        m_connection = m_host->connection();
    }

    void cleanup()
    {
        if (m_host)
        {
            QVERIFY(m_host->shutdown());
        }
        m_metrics.reset();
        m_host.reset();
        m_service = nullptr;
        m_server = nullptr;
    }

    void gaugesFollowTheService()
    {
        QCOMPARE(value("autohost_build_info{version=\"" AUTOHOST_VERSION "\"}"), 1.0);
        QCOMPARE(value("autohost_tachyon_connected"), 1.0);
        QCOMPARE(value("autohost_battles_running"), 0.0);
        QCOMPARE(value("autohost_battles_max"), 2.0);
        QCOMPARE(value("autohost_draining"), 0.0);
        QCOMPARE(value("autohost_engines_available"), 1.0);
        QCOMPARE(value("autohost_engines_installing"), 0.0);

        m_service->battles()->setAccepting(false);
        QCOMPARE(value("autohost_draining"), 1.0);
        QCOMPARE(value("autohost_battles_max"), 2.0); // the configured maximum, not the one offered
        m_service->battles()->setAccepting(true);
        QCOMPARE(value("autohost_draining"), 0.0);

        const QString dir = m_host->directory() + u"/engines/2025.06.22"_s;
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), dir + u"/spring-dedicated"_s));
        QTRY_COMPARE_WITH_TIMEOUT(value("autohost_engines_available"), 2.0, 5000);
        QVERIFY(QDir(dir).removeRecursively());
        QTRY_COMPARE_WITH_TIMEOUT(value("autohost_engines_available"), 1.0, 5000);

        // The CDN never answers the lookup: the install stays under way.
        TestHttpServer::Response stalled;
        stalled.body = "[]";
        stalled.stallAfter = 0;
        m_host->cdn().setResponse(u"/cdn/find"_s, stalled);
        QCOMPARE(request(u"autohost/installEngine"_s, Json{{"version", "2025.08.08"}}).value("status", ""),
                 std::string("success"));
        QCOMPARE(value("autohost_engines_installing"), 1.0);

        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        QCOMPARE(value("autohost_battles_running"), 1.0);
        QVERIFY(kill(id));
        QTRY_COMPARE_WITH_TIMEOUT(value("autohost_battles_running"), 0.0, 15000);
    }

    void requestsAreCountedByCommandAndOutcome()
    {
        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        const Json invalid = request(u"autohost/kill"_s, Json{{"battleId", "nope"}});
        QCOMPARE(invalid.value("status", ""), std::string("failed"));
        const Json unknownBattle =
            request(u"autohost/kill"_s, Json{{"battleId", toStdString(uuidText(QUuid::createUuid()))}});
        QCOMPARE(unknownBattle.value("status", ""), std::string("failed"));
        const Json unimplemented = request(u"autohost/dance"_s, Json::object());
        QCOMPARE(unimplemented.value("reason", ""), std::string("command_unimplemented"));
        QVERIFY(kill(id));

        // Every response the server received, and nothing else, is counted by command and outcome.
        const QMap<QString, int> responses = responsesReceived();
        QVERIFY(responses.contains(u"autohost/start success"_s));
        QVERIFY(responses.contains(u"autohost/kill success"_s));
        QVERIFY(responses.contains(u"autohost/kill "_s + toQString(invalid.value("reason", ""))));
        QVERIFY(responses.contains(u"autohost/kill "_s + toQString(unknownBattle.value("reason", ""))));
        QCOMPARE(responses.value(u"other command_unimplemented"_s), 1);
        QByteArrayList expectedLines;
        for (auto it = responses.cbegin(); it != responses.cend(); ++it)
        {
            const QString command = it.key().section(u' ', 0, 0);
            const QString outcome = it.key().section(u' ', 1);
            expectedLines.append(QByteArray("autohost_requests_total{command=\"" + command.toUtf8() +
                                            "\",outcome=\"" + outcome.toUtf8() + "\"} " +
                                            QByteArray::number(it.value())));
        }
        QByteArrayList lines = linesStartingWith("autohost_requests_total{");
        std::sort(lines.begin(), lines.end());
        std::sort(expectedLines.begin(), expectedLines.end());
        QCOMPARE(lines, expectedLines);

        // One observation per answered request, in cumulative buckets ending at the count.
        for (const QString &command : {u"autohost/start"_s, u"autohost/kill"_s, u"other"_s})
        {
            int answered = 0;
            for (auto it = responses.cbegin(); it != responses.cend(); ++it)
            {
                answered += it.key().startsWith(command + u' ') ? it.value() : 0;
            }
            const QByteArray labels = "command=\"" + command.toUtf8() + '"';
            QCOMPARE(value("autohost_request_duration_seconds_count{" + labels + '}'), double(answered));
            const QByteArrayList buckets =
                linesStartingWith("autohost_request_duration_seconds_bucket{" + labels);
            QCOMPARE(buckets.size(), Histogram::latencyBounds().size() + 1);
            QVERIFY(buckets.constLast().endsWith(QByteArray("le=\"+Inf\"} " + QByteArray::number(answered))));
            double previous = 0;
            for (const QByteArray &bucket : buckets)
            {
                const double count = bucket.mid(bucket.lastIndexOf(' ') + 1).toDouble();
                QVERIFY(count >= previous);
                previous = count;
            }
            QVERIFY(value("autohost_request_duration_seconds_sum{" + labels + '}').value_or(-1) >= 0);
        }
        // Starting the engine takes time.
        QVERIFY(value("autohost_request_duration_seconds_sum{command=\"autohost/start\"}").value_or(0) > 0);
    }

    void relayedUpdatesAreTheUpdatesTheServerReceived()
    {
        QCOMPARE(value("autohost_updates_relayed_total"), 0.0);
        const QUuid id = startBattle(u"join,0|join,1|chat,0,254,gl hf|left,1,1"_s);
        QVERIFY(!id.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(updatesReceived() >= 4, 10000);
        QVERIFY(kill(id));
        QTRY_COMPARE_WITH_TIMEOUT(value("autohost_battles_running"), 0.0, 15000);
        QTRY_COMPARE(value("autohost_updates_relayed_total").value_or(-1), double(updatesReceived()));
        const int live = updatesReceived();
        QVERIFY(live >= 5); // the engine's quit included

        // A replay after subscribeUpdates is relayed too.
        const auto first = m_server->waitForMessage(
            [](const Json &message) { return message.value("commandId", "") == "autohost/update"; });
        const qint64 since = first.at("data").at("time").get<qint64>() - 1;
        const Json subscribed = request(u"autohost/subscribeUpdates"_s, Json{{"since", since}});
        QCOMPARE(subscribed.value("status", ""), std::string("success"));
        QTRY_COMPARE(updatesReceived(), 2 * live);
        QCOMPARE(value("autohost_updates_relayed_total"), double(2 * live));
    }

    void battleMetricsFollowARunningBattle()
    {
        const QUuid id = startBattle(u"join,0|join,1|join,2|left,2,0"_s);
        QVERIFY(!id.isNull());
        QTRY_COMPARE_WITH_TIMEOUT(value(battleSeries("autohost_battle_players_joined", id)), 2.0, 10000);
        QVERIFY(value(battleSeries("autohost_battle_cpu_seconds_total", id)).value_or(-1) >= 0);
        QVERIFY(value(battleSeries("autohost_battle_resident_memory_bytes", id)).value_or(0) > 0);
        QCOMPARE(linesStartingWith("autohost_battle_").size(), 3);

        QVERIFY(kill(id));
        QTRY_COMPARE_WITH_TIMEOUT(value("autohost_battles_running"), 0.0, 15000);
        QVERIFY(linesStartingWith("autohost_battle_").isEmpty());
        QVERIFY(!m_metrics->render().contains(uuidText(id).toUtf8()));
    }

    void reconnectsAreCountedAndCountersKeepCounting()
    {
        QCOMPARE(value("autohost_tachyon_reconnects_total"), 0.0);
        QCOMPARE(value("autohost_requests_total{command=\"autohost/subscribeUpdates\",outcome=\"success\"}"),
                 1.0);
        const Json failed = request(u"autohost/kill"_s, Json{{"battleId", "nope"}});
        const QByteArray killSeries = "autohost_requests_total{command=\"autohost/kill\",outcome=\"" +
                                      QByteArray(failed.value("reason", "").c_str()) + "\"}";
        QCOMPARE(value(killSeries), 1.0);

        // The server goes away: disconnected, then back with a new connection.
        m_server->stopListening();
        QTRY_COMPARE_WITH_TIMEOUT(value("autohost_tachyon_connected"), 0.0, 5000);
        QCOMPARE(value("autohost_tachyon_reconnects_total"), 0.0);
        QVERIFY(m_server->restart());
        QVERIFY(waitForReconnect());
        QCOMPARE(value("autohost_tachyon_connected"), 1.0);
        QCOMPARE(value("autohost_tachyon_reconnects_total"), 1.0);
        QCOMPARE(value(killSeries), 1.0);
        QCOMPARE(value("autohost_requests_total{command=\"autohost/subscribeUpdates\",outcome=\"success\"}"),
                 2.0);

        // The server drops the connection.
        m_server->closeConnection(m_connection, QWebSocketProtocol::CloseCodeGoingAway, u"restart"_s);
        QVERIFY(waitForReconnect());
        QCOMPARE(value("autohost_tachyon_reconnects_total"), 2.0);
        QCOMPARE(value("autohost_requests_total{command=\"autohost/subscribeUpdates\",outcome=\"success\"}"),
                 3.0);
        QCOMPARE(value(killSeries), 1.0);
    }

    // The conformance oracle: the whole body of a service with a running battle and failed requests, read by
    // a real exposition parser, has the documented families, types, labels and values.
    void aRealParserReadsTheWholeBody()
    {
        const QUuid id = startBattle(u"join,0|join,2"_s);
        QVERIFY(!id.isNull());
        QVERIFY(request(u"autohost/kill"_s, Json{{"battleId", "nope"}}).value("status", "") == "failed");
        QVERIFY(
            request(u"autohost/addPlayer"_s, Json{{"battleId", toStdString(uuidText(QUuid::createUuid()))},
                                                  {"userId", "9"},
                                                  {"name", "Zed"},
                                                  {"password", "x"}})
                .value("status", "") == "failed");
        QVERIFY(request(u"autohost/dance"_s).value("status", "") == "failed");
        QTRY_COMPARE_WITH_TIMEOUT(value(battleSeries("autohost_battle_players_joined", id)), 2.0, 10000);
        QTRY_COMPARE(value("autohost_updates_relayed_total").value_or(-1), double(updatesReceived()));

        const QStringList problems = problemsIn(m_metrics->render(), id, 2);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // The oracle bites: a broken line is rejected by the parser, and a wrong type or value is caught by the
    // checks above.
    void aBrokenBodyFailsTheOracle()
    {
        const QUuid id = startBattle(u"join,0"_s);
        QVERIFY(!id.isNull());
        QTRY_COMPARE_WITH_TIMEOUT(value(battleSeries("autohost_battle_players_joined", id)), 1.0, 10000);
        // Updates counted as relayed may still be on their way to the server.
        QTRY_COMPARE(value("autohost_updates_relayed_total").value_or(-1), double(updatesReceived()));
        const QByteArray body = m_metrics->render();
        QVERIFY2(problemsIn(body, id, 1).isEmpty(), qPrintable(problemsIn(body, id, 1).join(u'\n')));

        QByteArray unescapedQuote = body;
        unescapedQuote.replace("battle_id=\"", "battle_id=\"\"");
        const auto rejected = ExpositionParser::parse(unescapedQuote);
        QVERIFY(!rejected.ok());
        QVERIFY2(rejected.error().contains(u"invalid line"_s), qPrintable(rejected.error()));
        QVERIFY(!problemsIn(unescapedQuote, id, 1).isEmpty());

        QByteArray wrongType = body;
        wrongType.replace("# TYPE autohost_battles_running gauge", "# TYPE autohost_battles_running counter");
        QVERIFY(ExpositionParser::parse(wrongType).ok());
        QVERIFY(!problemsIn(wrongType, id, 1).isEmpty());

        QByteArray badValue = body;
        badValue.replace("\nautohost_battles_max 2\n", "\nautohost_battles_max 2,0\n");
        QVERIFY(badValue != body);
        QVERIFY(ExpositionParser::parse(badValue).ok());
        QVERIFY(!problemsIn(badValue, id, 1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAutohostMetrics)
#include "tst_autohostmetrics.moc"
