// autohostbench: the headless autohost end to end, over real sockets and processes. The real headless program
// (`autohost-server`, whichever faces the build has) runs with the fast engine (bench/fastengine) installed,
// connected to an in-process FakeTachyonServer that counts what it receives; the benchmark starts battles,
// floods the autohost with their chats, replays its update buffer and watches its CPU time and memory in
// /proc. See bench/README.md.
//
// Exits with 1 when an update was lost or duplicated or a request failed, 2 when the autohost could not run;
// figures that miss their targets are reported, not failures.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QTimer>
#include <QUuid>

#include "autohostprocess.h"
#include "benchreport.h"
#include "enginefloor.h"
#include "faketachyonserver.h"
#include "updatetally.h"
#include "util/conversions.h"

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr qint64 NsPerMs = 1'000'000;
constexpr qint64 NsPerSecond = 1'000'000'000;
// What the benchmark sets in the autohost's configuration, so that nothing but the autohost's own speed
// limits the figures: the protection limit on a battle's update rate (default 200/s after a burst of 5000)
// and a retention long enough for the replay (default 600 s).
constexpr int UpdateRateLimit = 100'000'000;
constexpr int RetentionSeconds = 3600;
// Twice the port pairs the 50 concurrent starts need: another program's socket on one of them (an ephemeral
// port, say) must not fail a start of the benchmark.
constexpr int PortPairs = 100;
constexpr int AnswerTimeoutMs = 30000;
// A flood is over when nothing arrived for this long after the engines should have sent everything.
constexpr qint64 QuietNs = 3 * NsPerSecond;

const QStringList Sections = {u"start"_s, u"concurrent"_s, u"relay"_s, u"replay"_s};

qint64 monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * NsPerSecond + now.tv_nsec;
}

void progress(const QString &text)
{
    std::fputs(qPrintable(u"autohostbench: "_s + text + u'\n'), stderr);
    std::fflush(stderr);
}

std::vector<double> toMilliseconds(const std::vector<qint64> &nanoseconds)
{
    std::vector<double> result;
    result.reserve(nanoseconds.size());
    for (const qint64 value : nanoseconds)
    {
        result.push_back(double(value) / NsPerMs);
    }
    return result;
}

struct Options
{
    bool jsonOnly = false;
    QStringList sections = Sections;
    int spawnFloorRuns = 200;
    int sequentialStarts = 200;
    int concurrentStarts = 50;
    int battles = 20;
    // Chats per second and battle: 310,000/s offered by 20 battles, so that receiving at the offered rate can
    // show the target of 300,000/s (the measured rate counts the last chat's latency too).
    quint64 pacedRate = 15500;
    double pacedSeconds = 3;
    quint64 burstChats = 5000; // per battle
    quint64 replayUpdates = 1'000'000;
};

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The headless autohost end to end: starts, relay, replay, memory."_s);
    parser.addHelpOption();
    const QCommandLineOption quick(u"quick"_s, u"Small counts, a smoke run of a few seconds."_s);
    const QCommandLineOption jsonOnly(u"json-only"_s, u"Only the JSON lines, no table."_s);
    const QCommandLineOption only(u"only"_s,
                                  u"Only these sections (comma-separated): %1."_s.arg(Sections.join(u", "_s)),
                                  u"sections"_s);
    const QCommandLineOption battles(u"battles"_s, u"Battles flooding in the relay (default 20)."_s, u"n"_s);
    const QCommandLineOption rate(u"paced-rate"_s, u"Paced chats per second and battle (default 15500)."_s,
                                  u"n"_s);
    const QCommandLineOption seconds(u"paced-seconds"_s, u"Length of the paced flood (default 3)."_s, u"s"_s);
    const QCommandLineOption burst(u"burst"_s, u"Chats per battle in the burst (default 5000)."_s, u"n"_s);
    const QCommandLineOption replay(u"replay"_s, u"Updates in the buffer to replay (default 1000000)."_s,
                                    u"n"_s);
    parser.addOptions({quick, jsonOnly, only, battles, rate, seconds, burst, replay});
    parser.process(app);

    Options options;
    if (parser.isSet(quick))
    {
        options.spawnFloorRuns = 20;
        options.sequentialStarts = 20;
        options.concurrentStarts = 10;
        options.battles = 4;
        options.pacedRate = 2000;
        options.pacedSeconds = 1;
        options.burstChats = 500;
        options.replayUpdates = 20000;
    }
    options.jsonOnly = parser.isSet(jsonOnly);
    if (parser.isSet(only))
    {
        options.sections = parser.values(only).join(u',').split(u',', Qt::SkipEmptyParts);
        for (const QString &section : std::as_const(options.sections))
        {
            if (!Sections.contains(section))
            {
                progress(u"unknown section \"%1\" (sections: %2)"_s.arg(section, Sections.join(u", "_s)));
                return std::nullopt;
            }
        }
    }
    const auto number = [&parser](const QCommandLineOption &option, auto *value)
    {
        if (parser.isSet(option))
        {
            bool ok = false;
            const double parsed = parser.value(option).toDouble(&ok);
            if (!ok || parsed <= 0)
            {
                progress(u"--%1 needs a positive number"_s.arg(option.names().constFirst()));
                return false;
            }
            *value = decltype(+*value)(parsed);
        }
        return true;
    };
    if (!number(battles, &options.battles) || !number(rate, &options.pacedRate) ||
        !number(seconds, &options.pacedSeconds) || !number(burst, &options.burstChats) ||
        !number(replay, &options.replayUpdates))
    {
        return std::nullopt;
    }
    return options;
}

// CPU time and memory of a process, from /proc.
struct ProcessSample
{
    double cpuSeconds = 0; // user + system, all threads
    double rssMiB = 0;
    double peakRssMiB = 0;
};

ProcessSample sampleProcess(qint64 pid)
{
    ProcessSample sample;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly))
    {
        // After the command name in parentheses: state is field 3, utime 14, stime 15.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 12)
        {
            sample.cpuSeconds =
                double(fields[11].toLongLong() + fields[12].toLongLong()) / ::sysconf(_SC_CLK_TCK);
        }
    }
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly))
    {
        for (const QByteArray &line : status.readAll().split('\n'))
        {
            const auto kibibytes = [&line]
            {
                return line.mid(6).simplified().split(' ').value(0).toDouble();
            };
            if (line.startsWith("VmRSS:"))
            {
                sample.rssMiB = kibibytes() / 1024;
            }
            else if (line.startsWith("VmHWM:"))
            {
                sample.peakRssMiB = kibibytes() / 1024;
            }
        }
    }
    return sample;
}

double ownCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Datagrams the kernel dropped for full receive buffers, all UDP sockets of the machine (/proc/net/snmp).
quint64 udpReceiveBufferErrors()
{
    QFile file(u"/proc/net/snmp"_s);
    if (!file.open(QIODevice::ReadOnly))
    {
        return 0;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
    {
        if (lines[i].startsWith("Udp: ") && lines[i + 1].startsWith("Udp: "))
        {
            const qsizetype column = lines[i].split(' ').indexOf("RcvbufErrors");
            return column < 0 ? 0 : lines[i + 1].split(' ').value(column).toULongLong();
        }
    }
    return 0;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
    {
        return u"unknown"_s;
    }
    const QList<QByteArray> fields = file.readAll().split(' ');
    return QString::fromLatin1(fields.mid(0, 3).join(", "));
}

class Bench
{
public:
    Bench(Options options, BenchReport *report)
        : m_options(std::move(options))
        , m_report(report)
    {
    }

    int run()
    {
        const QString loadAtStart = loadAverage();
        if (!startAutohost())
        {
            return 2;
        }
        sleepFor(1000);
        addMemory(u"rss_idle"_s, u"resident memory, idle after connecting"_s, sampleAutohost().rssMiB,
                  BenchReport::atMost(20), 86);
        if (section(u"start"_s))
        {
            measureStarts();
        }
        if (section(u"concurrent"_s))
        {
            measureConcurrentStarts();
        }
        if (section(u"relay"_s))
        {
            measureRelay(false);
            measureRelay(true);
            addMemory(u"rss_after_relay"_s, u"resident memory after the relay"_s, sampleAutohost().rssMiB,
                      std::nullopt, 134);
        }
        if (section(u"replay"_s))
        {
            measureReplay();
        }
        if (const qsizetype drops = m_autohost->output().count(u"dropped"_s); drops > 0)
        {
            m_report->note(u"the autohost logged %1 lines about dropped datagrams or updates"_s.arg(drops));
        }
        m_autohost->stop();
        m_report->note(u"load average (1, 5, 15 min) at the start %1, at the end %2, on %3 CPUs"_s.arg(
            loadAtStart, loadAverage(), QString::number(::sysconf(_SC_NPROCESSORS_ONLN))));
        for (const QString &text : std::as_const(m_problems))
        {
            m_report->note(u"PROBLEM: "_s + text);
        }
        return m_problems.isEmpty() ? 0 : 1;
    }

private:
    struct Response
    {
        qint64 receivedNs = 0;
        bool success = false;
        QString failure;
    };
    struct Workload
    {
        int battles = 0;
        quint64 perBattle = 0;
        quint64 perSecond = 0; // 0: burst
    };
    struct WorkloadRun
    {
        bool started = false;
        double autohostCpuSeconds = 0;
        double benchCpuSeconds = 0;
        quint64 kernelDrops = 0;
    };

    bool section(const QString &name) const { return m_options.sections.contains(name); }

    void problem(const QString &text)
    {
        progress(u"PROBLEM: "_s + text);
        m_problems.append(text);
    }

    ProcessSample sampleAutohost() const { return sampleProcess(m_autohost->processId()); }

    void addMemory(const QString &id, const QString &label, double mib,
                   std::optional<BenchReport::Target> target, std::optional<double> reference)
    {
        m_report->add(u"memory"_s, id, label, mib, u"MiB"_s, target, reference);
    }

    // The rate one core of the autohost could take at the CPU time it spent: on a busy machine, where it gets
    // only part of a core, this tells its own speed.
    void addAutohostCeiling(const QString &sectionName, const QString &id, const QString &labelPrefix,
                            double cpuSeconds, quint64 updates)
    {
        m_report->add(sectionName, id + u"_autohost_ceiling_per_s"_s,
                      labelPrefix + u"autohost ceiling (1 core)"_s,
                      cpuSeconds > 0 ? double(updates) / cpuSeconds : 0, u"/s"_s);
    }

    // What this process (the server side: WebSocket frames, the tally) spent, and the rate one core of it
    // could take at that cost: a figure near that ceiling is the benchmark's limit, not the autohost's.
    void addServerSide(const QString &sectionName, const QString &id, const QString &labelPrefix,
                       double cpuSeconds, quint64 updates)
    {
        m_report->add(sectionName, id + u"_bench_cpu_per_100k"_s,
                      labelPrefix + u"benchmark (server side) CPU per 100,000"_s,
                      updates > 0 ? cpuSeconds * 100000 / double(updates) : 0, u"CPU-s"_s);
        m_report->add(sectionName, id + u"_bench_ceiling_per_s"_s,
                      labelPrefix + u"benchmark ceiling (1 core)"_s,
                      cpuSeconds > 0 ? double(updates) / cpuSeconds : 0, u"/s"_s);
    }

    void addPercentiles(const QString &sectionName, const QString &id, const QString &label,
                        const std::vector<double> &milliseconds,
                        std::optional<BenchReport::Target> p50Target = {},
                        std::optional<double> p50Reference = {})
    {
        m_report->add(sectionName, id + u"_p50"_s, label + u" p50"_s,
                      BenchReport::percentile(milliseconds, 50), u"ms"_s, p50Target, p50Reference);
        m_report->add(sectionName, id + u"_p90"_s, label + u" p90"_s,
                      BenchReport::percentile(milliseconds, 90), u"ms"_s);
        m_report->add(sectionName, id + u"_p99"_s, label + u" p99"_s,
                      BenchReport::percentile(milliseconds, 99), u"ms"_s);
    }

    bool startAutohost()
    {
        m_server.setFrameFilter([this](int, const QString &text) { return takeFrame(text); });
        // AutohostProcess's credentials.
        m_server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        if (!m_server.listen())
        {
            progress(u"the Tachyon server cannot listen"_s);
            return false;
        }
        m_autohost = std::make_unique<AutohostProcess>(QStringLiteral(AUTOHOST_BINARY),
                                                       QStringLiteral(FAST_ENGINE_PATH));
        const Json extra = {{"maxBattleUpdatesPerSecond", UpdateRateLimit},
                            {"maxUpdatesSubscriptionAgeSeconds", RetentionSeconds},
                            {"maxPortsUsed", PortPairs}};
        m_report->note(
            u"autohost configuration: maxBattleUpdatesPerSecond %1 (default 200), "
            u"maxUpdatesSubscriptionAgeSeconds %2 (default 600), maxPortsUsed %3 (default 1000); "
            u"otherwise defaults as a headless autohost runs: update journal on, admin endpoint on "
            u"127.0.0.1, info logging"_s.arg(UpdateRateLimit)
                .arg(RetentionSeconds)
                .arg(PortPairs));
        if (!m_autohost->problem().isEmpty() || !m_autohost->start(m_server.port(), u"127.0.0.1:0"_s, extra))
        {
            progress(u"cannot start the autohost: "_s + m_autohost->problem());
            return false;
        }
        m_connection = m_server.waitForReadyAutohost(20000);
        if (m_connection < 0)
        {
            progress(u"the autohost did not connect; its output:\n"_s + m_autohost->output());
            return false;
        }
        // From here on the benchmark reads the frames itself; the server still answers the autohost's
        // requests.
        m_filterActive = true;
        return true;
    }

    // Responses and update events are the benchmark's; everything else goes to the server as usual.
    bool takeFrame(const QString &text)
    {
        if (!m_filterActive)
        {
            return false;
        }
        const qint64 now = monotonicNs();
        bool taken = m_tally.take(text, now);
        if (taken)
        {
            ++m_updatesTotal;
        }
        else if (text.startsWith(u"{\"type\":\"response\""))
        {
            const QByteArray frame = text.toUtf8();
            const Json json = Json::parse(frame.begin(), frame.end(), nullptr, false);
            if (json.is_object() && json.contains("messageId") && json["messageId"].is_string())
            {
                const bool success = json.value("status", "") == "success";
                m_responses.insert(
                    toQString(json["messageId"].get<std::string>()),
                    {now, success,
                     success ? QString()
                             : toQString(json.value("reason", "") + ": " + json.value("details", ""))});
                taken = true;
            }
        }
        if (m_wake)
        {
            m_wake();
        }
        return taken;
    }

    // Runs the event loop until done() (checked after every frame) or the timeout; done() must be cheap.
    bool waitFor(const std::function<bool()> &done, int timeoutMs)
    {
        if (done())
        {
            return true;
        }
        QEventLoop loop;
        m_wake = [&]
        {
            if (done())
            {
                loop.quit();
            }
        };
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        m_wake = nullptr;
        return done();
    }

    void sleepFor(int milliseconds)
    {
        QEventLoop loop;
        QTimer::singleShot(std::max(0, milliseconds), &loop, &QEventLoop::quit);
        loop.exec();
    }

    QString sendStart(const QUuid &battle, const Json &gameOptions = Json::object())
    {
        Json data = AutohostProcess::startData(uuidText(battle));
        if (!gameOptions.empty())
        {
            data["gameOptions"] = gameOptions;
        }
        return m_server.sendRequest(m_connection, u"autohost/start"_s, data);
    }

    // Waits for the answers to these requests; false (and a problem) when one failed or did not come.
    bool waitForAnswers(const QStringList &messageIds, const QString &what)
    {
        waitFor(
            [&]
            {
                return std::all_of(messageIds.begin(), messageIds.end(),
                                   [this](const QString &id) { return m_responses.contains(id); });
            },
            AnswerTimeoutMs);
        for (const QString &id : messageIds)
        {
            const auto response = m_responses.constFind(id);
            if (response == m_responses.cend() || !response->success)
            {
                problem(u"%1: %2"_s.arg(what, response == m_responses.cend()
                                                  ? u"no answer within %1 ms"_s.arg(AnswerTimeoutMs)
                                                  : response->failure));
                return false;
            }
        }
        return true;
    }

    // Kills the battles and waits for their engine_quit.
    bool killBattles(const QList<QUuid> &battles)
    {
        for (const QUuid &battle : battles)
        {
            m_server.sendRequest(m_connection, u"autohost/kill"_s,
                                 Json{{"battleId", toStdString(uuidText(battle))}});
        }
        const bool ended = waitFor(
            [&]
            {
                return std::all_of(battles.begin(), battles.end(),
                                   [this](const QUuid &battle) { return m_tally.hasEnded(battle); });
            },
            AnswerTimeoutMs);
        if (!ended)
        {
            problem(u"killed battles did not end within %1 ms"_s.arg(AnswerTimeoutMs));
        }
        return ended;
    }

    void measureStarts()
    {
        EngineFloor floor(QStringLiteral(FAST_ENGINE_PATH));
        progress(u"spawn floor: %1 × (spawn the fast engine, first datagram), no autohost"_s.arg(
            m_options.spawnFloorRuns));
        const std::vector<double> spawned = toMilliseconds(
            floor.spawnToFirstDatagram(EngineFloor::Spawner::PosixSpawn, m_options.spawnFloorRuns));
        const std::vector<double> started = toMilliseconds(
            floor.spawnToFirstDatagram(EngineFloor::Spawner::QProcess, m_options.spawnFloorRuns));
        if (!floor.problem().isEmpty())
        {
            problem(u"spawn floor: "_s + floor.problem());
            return;
        }
        addPercentiles(u"start"_s, u"floor_posix_spawn"_s, u"floor: posix_spawn → first datagram"_s, spawned);
        addPercentiles(u"start"_s, u"floor_qprocess"_s,
                       u"floor: QProcess (as the autohost) → first datagram"_s, started);

        progress(u"%1 sequential starts, each killed before the next"_s.arg(m_options.sequentialStarts));
        std::vector<double> roundTrips;
        for (int i = 0; i < m_options.sequentialStarts; ++i)
        {
            const QUuid battle = QUuid::createUuid();
            const qint64 sent = monotonicNs();
            const QString request = sendStart(battle);
            if (!waitForAnswers({request}, u"start %1"_s.arg(i)) || !killBattles({battle}))
            {
                return;
            }
            roundTrips.push_back(double(m_responses.value(request).receivedNs - sent) / NsPerMs);
        }
        addPercentiles(u"start"_s, u"start_round_trip"_s, u"start round trip"_s, roundTrips,
                       BenchReport::atMost(1.2), 3.6);
        const double floorMs = BenchReport::percentile(spawned, 50);
        m_report->add(u"start"_s, u"start_p50_over_floor"_s, u"start p50 ÷ posix_spawn floor p50"_s,
                      floorMs > 0 ? BenchReport::percentile(roundTrips, 50) / floorMs : 0, u"×"_s,
                      BenchReport::atMost(2));
    }

    void measureConcurrentStarts()
    {
        const int count = m_options.concurrentStarts;
        progress(u"%1 starts sent at once"_s.arg(count));
        QList<QUuid> battles;
        QStringList requests;
        std::vector<qint64> sentAt;
        const qint64 first = monotonicNs();
        for (int i = 0; i < count; ++i)
        {
            battles.append(QUuid::createUuid());
            sentAt.push_back(monotonicNs());
            requests.append(sendStart(battles.last()));
        }
        if (!waitForAnswers(requests, u"concurrent start"_s))
        {
            // Only the battles that started can end.
            QList<QUuid> started;
            for (qsizetype i = 0; i < battles.size(); ++i)
            {
                if (m_responses.value(requests[i]).success)
                {
                    started.append(battles[i]);
                }
            }
            killBattles(started);
            return;
        }
        std::vector<double> perStart;
        qint64 last = first;
        for (qsizetype i = 0; i < requests.size(); ++i)
        {
            const qint64 answered = m_responses.value(requests[i]).receivedNs;
            last = std::max(last, answered);
            perStart.push_back(double(answered - sentAt[size_t(i)]) / NsPerMs);
        }
        m_report->add(u"concurrent"_s, u"concurrent_all_answered"_s,
                      u"%1 starts at once: all answered"_s.arg(count), double(last - first) / NsPerMs,
                      u"ms"_s);
        m_report->add(u"concurrent"_s, u"concurrent_start_p50"_s, u"per start p50"_s,
                      BenchReport::percentile(perStart, 50), u"ms"_s);
        m_report->add(u"concurrent"_s, u"concurrent_start_p99"_s, u"per start p99"_s,
                      BenchReport::percentile(perStart, 99), u"ms"_s);
        sleepFor(1000);
        addMemory(u"rss_battles"_s, u"resident memory with %1 battles running"_s.arg(count),
                  sampleAutohost().rssMiB,
                  count == 50 ? std::optional(BenchReport::atMost(30)) : std::nullopt,
                  count == 50 ? std::optional(94.0) : std::nullopt);
        killBattles(battles);
    }

    // Starts the battles with their chats beginning at one moment, waits for every chat or for the flood to
    // go quiet, and kills them; the tally holds what arrived.
    WorkloadRun runWorkload(const Workload &workload)
    {
        WorkloadRun run;
        m_tally.reset();
        const qint64 chatAt = monotonicNs() + 500 * NsPerMs + workload.battles * 20 * NsPerMs;
        const Json gameOptions = {
            {"benchjoin", "1"},
            {"benchchat", toStdString(u"%1,%2"_s.arg(workload.perBattle).arg(workload.perSecond))},
            {"benchchatat", std::to_string(chatAt)}};
        QList<QUuid> battles;
        QStringList requests;
        for (int i = 0; i < workload.battles; ++i)
        {
            battles.append(QUuid::createUuid());
            m_tally.expectChats(battles.last(), workload.perBattle);
            requests.append(sendStart(battles.last(), gameOptions));
        }
        if (!waitForAnswers(requests, u"start of a flooding battle"_s))
        {
            killBattles(battles);
            return run;
        }
        if (monotonicNs() > chatAt)
        {
            m_report->note(u"the battles were started only after their chats had begun"_s);
        }
        sleepFor(int((chatAt - monotonicNs()) / NsPerMs) - 20);
        const ProcessSample before = sampleAutohost();
        const double benchBefore = ownCpuSeconds();
        const quint64 dropsBefore = udpReceiveBufferErrors();
        const qint64 sendingEnds =
            chatAt + (workload.perSecond == 0
                          ? 0
                          : qint64(workload.perBattle) * NsPerSecond / qint64(workload.perSecond));
        while (!waitFor([this] { return m_tally.uniqueChats() == m_tally.expectedChats(); }, 500))
        {
            const qint64 now = monotonicNs();
            if (now > sendingEnds && now - std::max(m_tally.lastReceiveNs(), sendingEnds) > QuietNs)
            {
                break;
            }
        }
        run.autohostCpuSeconds = sampleAutohost().cpuSeconds - before.cpuSeconds;
        run.benchCpuSeconds = ownCpuSeconds() - benchBefore;
        run.kernelDrops = udpReceiveBufferErrors() - dropsBefore;
        run.started = killBattles(battles);
        return run;
    }

    void reportFlood(const QString &id, const QString &label, const WorkloadRun &run, bool paced)
    {
        const quint64 received = m_tally.uniqueChats();
        const double seconds = double(m_tally.lastReceiveNs() - m_tally.firstSendNs()) / NsPerSecond;
        const std::vector<double> latencies = toMilliseconds(m_tally.latenciesNs());
        m_report->add(u"relay"_s, id + u"_updates_per_s"_s, label + u": updates/s received"_s,
                      seconds > 0 ? double(received) / seconds : 0, u"/s"_s,
                      paced ? std::optional(BenchReport::atLeast(300000)) : std::nullopt,
                      paced ? std::optional(59000.0) : std::nullopt);
        m_report->add(u"relay"_s, id + u"_lost"_s, label + u": lost"_s, double(m_tally.lostChats()),
                      u"chats"_s, BenchReport::atMost(0),
                      paced ? std::nullopt : std::optional(0.95 * double(m_tally.expectedChats())));
        m_report->add(u"relay"_s, id + u"_duplicated"_s, label + u": duplicated"_s,
                      double(m_tally.duplicateChats()), {}, BenchReport::atMost(0));
        m_report->add(u"relay"_s, id + u"_latency_p50"_s, label + u": engine send → server receive p50"_s,
                      BenchReport::percentile(latencies, 50), u"ms"_s);
        m_report->add(u"relay"_s, id + u"_latency_p99"_s, label + u": engine send → server receive p99"_s,
                      BenchReport::percentile(latencies, 99), u"ms"_s, BenchReport::atMost(5));
        const double perHundredThousand = received > 0 ? 100000.0 / double(received) : 0;
        m_report->add(u"relay"_s, id + u"_cpu_per_100k"_s, label + u": autohost CPU per 100,000"_s,
                      run.autohostCpuSeconds * perHundredThousand, u"CPU-s"_s, BenchReport::atMost(0.15),
                      1.5);
        addAutohostCeiling(u"relay"_s, id, label + u": "_s, run.autohostCpuSeconds, received);
        addServerSide(u"relay"_s, id, label + u": "_s, run.benchCpuSeconds, received);
        m_report->add(u"relay"_s, id + u"_kernel_udp_drops"_s, label + u": kernel UDP receive-buffer drops"_s,
                      double(run.kernelDrops), {});
        if (m_tally.lostChats() > 0 || m_tally.duplicateChats() > 0 || m_tally.strayChats() > 0)
        {
            problem(u"%1: %2 of %3 chats lost, %4 duplicated, %5 not recognised"_s.arg(label)
                        .arg(m_tally.lostChats())
                        .arg(m_tally.expectedChats())
                        .arg(m_tally.duplicateChats())
                        .arg(m_tally.strayChats()));
        }
    }

    void reportFloor(const QString &id, const QString &label, const EngineFloor::Relay &relay)
    {
        const double seconds = double(relay.lastReceiveNs - relay.firstSendNs) / NsPerSecond;
        const std::vector<double> latencies = toMilliseconds(relay.latenciesNs);
        m_report->add(u"relay"_s, id + u"_updates_per_s"_s, label + u": datagrams/s"_s,
                      seconds > 0 ? double(relay.unique) / seconds : 0, u"/s"_s);
        m_report->add(u"relay"_s, id + u"_lost"_s, label + u": lost"_s, double(relay.expected - relay.unique),
                      u"chats"_s);
        m_report->add(u"relay"_s, id + u"_latency_p50"_s, label + u": latency p50"_s,
                      BenchReport::percentile(latencies, 50), u"ms"_s);
        m_report->add(u"relay"_s, id + u"_latency_p99"_s, label + u": latency p99"_s,
                      BenchReport::percentile(latencies, 99), u"ms"_s);
        // What receiving alone costs: the bound of the autohost's CPU per update.
        m_report->add(
            u"relay"_s, id + u"_cpu_per_100k"_s, label + u": receiving CPU per 100,000"_s,
            relay.unique > 0 ? double(relay.receiverCpuNs) / NsPerSecond * 100000 / double(relay.unique) : 0,
            u"CPU-s"_s);
    }

    void measureRelay(bool burst)
    {
        const int battles = m_options.battles;
        const quint64 perSecond = burst ? 0 : m_options.pacedRate;
        const quint64 perBattle =
            burst ? m_options.burstChats : quint64(double(m_options.pacedRate) * m_options.pacedSeconds);
        const QString kind = burst ? u"burst"_s : u"paced"_s;
        const QString what = burst ? u"%1 chats × %2 battles at once"_s.arg(perBattle).arg(battles)
                                   : u"%1 chats/s × %2 battles for %3 s"_s.arg(perSecond).arg(battles).arg(
                                         m_options.pacedSeconds);

        m_report->note(
            u"relay %1: %2 (%3 chats); the floor: the same engines sending straight to sockets of this "
            u"process"_s.arg(kind, what)
                .arg(quint64(battles) * perBattle));
        progress(u"relay floor, %1: %2 straight to this process, no autohost"_s.arg(kind, what));
        EngineFloor floor(QStringLiteral(FAST_ENGINE_PATH));
        const EngineFloor::Relay direct = floor.relay(battles, perBattle, perSecond);
        if (!floor.problem().isEmpty())
        {
            problem(u"relay floor: "_s + floor.problem());
            return;
        }
        reportFloor(u"floor_"_s + kind, u"floor, %1, no autohost"_s.arg(kind), direct);

        progress(u"relay, %1: %2"_s.arg(kind, what));
        const WorkloadRun run = runWorkload({battles, perBattle, perSecond});
        if (run.started)
        {
            reportFlood(u"relay_"_s + kind, kind, run, !burst);
        }
        if (!burst && run.started)
        {
            const double seconds = double(m_tally.lastReceiveNs() - m_tally.firstSendNs()) / NsPerSecond;
            m_pacedThroughput = seconds > 0 ? double(m_tally.uniqueChats()) / seconds : 0;
        }
    }

    void measureReplay()
    {
        // Everything after the newest update seen so far; with nothing seen yet, a second ago (the buffer is
        // new).
        const qint64 since = m_tally.lastTime() > 0 ? m_tally.lastTime()
                                                    : QDateTime::currentMSecsSinceEpoch() * 1000 - 1000000;
        const quint64 base = m_updatesTotal;
        const int battles = m_options.battles;
        // Filled at a rate the autohost keeps up with where the relay measured one: what the kernel drops
        // does not reach the buffer, and the fill would take longer.
        const quint64 rate =
            m_pacedThroughput > 0
                ? std::clamp<quint64>(quint64(0.8 * m_pacedThroughput / battles), 100, m_options.pacedRate)
                : m_options.pacedRate;
        for (int round = 0; round < 8 && m_updatesTotal - base < m_options.replayUpdates; ++round)
        {
            const quint64 missing = m_options.replayUpdates - (m_updatesTotal - base);
            const quint64 perBattle = std::min<quint64>((missing + battles - 1) / battles + 1, 60 * rate);
            progress(u"replay: filling the buffer, %1 chats × %2 battles at %3/s each"_s.arg(perBattle)
                         .arg(battles)
                         .arg(rate));
            if (!runWorkload({battles, perBattle, rate}).started)
            {
                return;
            }
        }
        const quint64 buffered = m_updatesTotal - base;
        if (buffered < m_options.replayUpdates)
        {
            m_report->note(u"replay: only %1 updates could be buffered"_s.arg(buffered));
        }
        progress(u"replay: subscribeUpdates since before %1 updates"_s.arg(buffered));
        m_tally.reset();
        const ProcessSample before = sampleAutohost();
        const double benchBefore = ownCpuSeconds();
        const qint64 sent = monotonicNs();
        const QString request =
            m_server.sendRequest(m_connection, u"autohost/subscribeUpdates"_s, Json{{"since", since}});
        if (!waitForAnswers({request}, u"subscribeUpdates"_s))
        {
            return;
        }
        while (!waitFor([&] { return m_tally.updates() >= buffered; }, 1000))
        {
            if (monotonicNs() - std::max(m_tally.lastReceiveNs(), sent) > 10 * QuietNs)
            {
                break;
            }
        }
        const ProcessSample after = sampleAutohost();
        const double seconds = double(m_tally.lastReceiveNs() - sent) / NsPerSecond;
        const quint64 replayed = m_tally.updates();
        const double perHundredThousand = replayed > 0 ? 100000.0 / double(replayed) : 0;
        m_report->add(
            u"replay"_s, u"replay_updates_per_s"_s, u"replay of %1 buffered updates"_s.arg(buffered),
            seconds > 0 ? double(replayed) / seconds : 0, u"/s"_s, BenchReport::atLeast(750000), 153000);
        m_report->add(u"replay"_s, u"replay_seconds"_s, u"subscribeUpdates → last update"_s, seconds, u"s"_s);
        m_report->add(u"replay"_s, u"replay_cpu_per_100k"_s, u"autohost CPU per 100,000 replayed"_s,
                      (after.cpuSeconds - before.cpuSeconds) * perHundredThousand, u"CPU-s"_s);
        addAutohostCeiling(u"replay"_s, u"replay"_s, QString(), after.cpuSeconds - before.cpuSeconds,
                           replayed);
        addServerSide(u"replay"_s, u"replay"_s, QString(), ownCpuSeconds() - benchBefore, replayed);
        addMemory(u"rss_before_replay"_s, u"resident memory, %1 updates buffered"_s.arg(buffered),
                  before.rssMiB, std::nullopt, std::nullopt);
        addMemory(u"rss_after_replay"_s, u"resident memory after the replay"_s, after.rssMiB, std::nullopt,
                  std::nullopt);
        addMemory(u"rss_peak"_s, u"peak resident memory (VmHWM) of the run"_s, after.peakRssMiB, std::nullopt,
                  std::nullopt);
        if (replayed != buffered)
        {
            problem(u"replay: %1 updates buffered, %2 replayed"_s.arg(buffered).arg(replayed));
        }
    }

    Options m_options;
    BenchReport *m_report;
    FakeTachyonServer m_server;
    std::unique_ptr<AutohostProcess> m_autohost;
    int m_connection = -1;
    bool m_filterActive = false;
    UpdateTally m_tally;
    quint64 m_updatesTotal = 0;
    double m_pacedThroughput = 0;
    QHash<QString, Response> m_responses;
    std::function<void()> m_wake;
    QStringList m_problems;
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto options = parseOptions(app);
    if (!options)
    {
        return 2;
    }
    BenchReport report(options->jsonOnly);
    Bench bench(*options, &report);
    const int result = bench.run();
    report.printTable();
    return result;
}
