// feedviewbench: the app's QML feed view (FeedView.qml) and log page (LogPage.qml) shown in a window while
// the feed benchmark's workloads run, to see whether a 100,000-line feed and a flood of updates keep the
// window responsive. Offscreen with the software renderer by default (like the GUI tests); with --native it
// uses the platform and renderer Qt picks, e.g. OpenGL under xvfb-run.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <mutex>
#include <numeric>
#include <vector>

#include <QDateTime>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#ifdef Q_OS_UNIX
#include <pthread.h>
#include <time.h>
#endif

#include "appcontroller.h"
#include "autohostservice.h"
#include "feedworkload.h"
#include "logrecorder.h"
#include "models/feedmodel.h"
#include "models/logmodel.h"
#include "updates/updatebuffer.h"

Q_IMPORT_QML_PLUGIN(AutohostPlugin)

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr int LineCount = 100'000;
constexpr int DefaultFloodSeconds = 60; // the desktop target: 10,000 updates/s for a minute
constexpr int ScrollPages = 60;
constexpr qint64 DayMicroseconds = 24LL * 3600 * 1'000'000; // retention long enough to keep every update
constexpr double FreezeLimitMs = 250;                       // a longer gap between frames is a frozen window
constexpr double SmoothLimitMs = 50;    // the p99 gap between frames under a flood stays below this
constexpr double FrameTimeLimitMs = 16; // the GUI thread's time per frame under a flood stays below this

// The window's content: the component under test and a small square that always spins, so that the window
// asks for a frame every animation tick, as it does while someone scrolls or a busy indicator turns. The
// frames then show how much time the feed leaves to rendering.
QByteArray scene(const QByteArray &component)
{
    return R"(
import QtQuick
import Autohost

Rectangle {
    color: Theme.background
)" + component +
           R"(
    Rectangle {
        anchors.right: parent.right
        anchors.top: parent.top
        width: 8
        height: 8
        color: Theme.accent
        RotationAnimation on rotation { from: 0; to: 360; duration: 1000; loops: Animation.Infinite }
    }
}
)";
}

const QByteArray FeedScene = scene(R"(
    property alias feed: view.feed
    FeedView {
        id: view
        anchors.fill: parent
        anchors.margins: Theme.padding
    }
)");
const QByteArray LogScene = scene(R"(
    LogPage {
        anchors.fill: parent
    }
)");

double milliseconds(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

void printRow(const QString &what, const QString &value)
{
    std::printf("  %-52s %s\n", qPrintable(what), qPrintable(value));
}

QString ms(double value)
{
    return u"%1 ms"_s.arg(value, 0, 'f', 1);
}

// Runs the event loop until done() holds; false after timeoutMs.
bool runUntil(const std::function<bool()> &done, int timeoutMs = 30'000)
{
    QTimer wakeUp; // so that waiting for events returns to check done() at least every millisecond
    wakeUp.start(1);
    QElapsedTimer timer;
    timer.start();
    while (!done())
    {
        if (timer.elapsed() > timeoutMs)
        {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// When the window swapped its frames, in nanoseconds on one clock, and how much CPU time the GUI thread had
// used by then: the difference between two frames is the GUI thread's time for the second one (the model's
// batches, polish, and with the software renderer the rendering too), without the time it waited for
// events and without time other processes took from it. frameSwapped comes from the render thread with the
// threaded render loop, from the GUI thread with the others; the GUI thread's CPU clock can be read from
// either.
class FrameClock
{
public:
    explicit FrameClock(QQuickWindow *window)
    {
#ifdef Q_OS_UNIX
        m_hasGuiClock = pthread_getcpuclockid(pthread_self(), &m_guiClock) == 0;
#endif
        m_clock.start();
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [this]
            {
                const qint64 time = m_clock.nsecsElapsed();
                const qint64 guiCpu = guiThreadCpu();
                const std::lock_guard lock(m_mutex);
                m_frames.push_back(time);
                m_guiCpuAtFrames.push_back(guiCpu);
            },
            Qt::DirectConnection);
    }

    bool measuresFrameTime() const
    {
        return m_hasGuiClock;
    }

    qint64 now() const
    {
        return m_clock.nsecsElapsed();
    }

    std::vector<qint64> framesBetween(qint64 from, qint64 to) const
    {
        const std::lock_guard lock(m_mutex);
        std::vector<qint64> frames;
        std::copy_if(m_frames.begin(), m_frames.end(), std::back_inserter(frames),
                     [from, to](qint64 frame) { return frame >= from && frame <= to; });
        return frames;
    }

    // The GUI thread's time (CPU) for each frame swapped in [from, to], in milliseconds: from the frame
    // before it to it.
    std::vector<double> frameTimesBetween(qint64 from, qint64 to) const
    {
        const std::lock_guard lock(m_mutex);
        std::vector<double> times;
        for (size_t i = 1; i < m_frames.size(); ++i)
        {
            if (m_frames[i] >= from && m_frames[i] <= to)
            {
                times.push_back(milliseconds(m_guiCpuAtFrames[i] - m_guiCpuAtFrames[i - 1]));
            }
        }
        return times;
    }

    // The first frame swapped after `after`, running the event loop until there is one; -1 on a timeout.
    qint64 frameAfter(qint64 after) const
    {
        qint64 frame = -1;
        runUntil(
            [&]
            {
                const std::lock_guard lock(m_mutex);
                const auto found = std::upper_bound(m_frames.begin(), m_frames.end(), after);
                frame = found == m_frames.end() ? -1 : *found;
                return frame >= 0;
            });
        return frame;
    }

    // Milliseconds from `from` to the first frame after it; -1 on a timeout.
    double toNextFrame(qint64 from) const
    {
        const qint64 frame = frameAfter(from);
        return frame < 0 ? -1 : milliseconds(frame - from);
    }

private:
    qint64 guiThreadCpu() const
    {
#ifdef Q_OS_UNIX
        timespec time{};
        if (m_hasGuiClock && clock_gettime(m_guiClock, &time) == 0)
        {
            return qint64(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
        }
#endif
        return 0;
    }

    QElapsedTimer m_clock;
    bool m_hasGuiClock = false;
#ifdef Q_OS_UNIX
    clockid_t m_guiClock{};
#endif
    mutable std::mutex m_mutex;
    std::vector<qint64> m_frames;
    std::vector<qint64> m_guiCpuAtFrames;
};

struct Spread
{
    double averageMs = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maximumMs = 0;
};

Spread spreadOf(std::vector<double> values)
{
    Spread spread;
    if (values.empty())
    {
        return spread;
    }
    spread.averageMs = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    std::sort(values.begin(), values.end());
    spread.p50Ms = values[values.size() / 2];
    spread.p99Ms = values[std::min(values.size() - 1, size_t(double(values.size()) * 0.99))];
    spread.maximumMs = values.back();
    return spread;
}

struct GapStatistics
{
    int frames = 0;
    double framesPerSecond = 0;
    Spread gaps; // between frames
    // The GUI thread's time per frame (empty where the platform has no per-thread CPU clock).
    std::vector<double> frameTimesMs;
};

// The gaps between the frames of [from, to], the span's ends counted as gaps too: a window that renders
// nothing for the whole span has one long gap, not none.
GapStatistics gapsBetween(const FrameClock &frames, qint64 from, qint64 to)
{
    std::vector<qint64> times = frames.framesBetween(from, to);
    GapStatistics statistics;
    if (frames.measuresFrameTime())
    {
        statistics.frameTimesMs = frames.frameTimesBetween(from, to);
    }
    statistics.frames = int(times.size());
    statistics.framesPerSecond = double(times.size()) / (double(to - from) / 1e9);
    times.insert(times.begin(), from);
    times.push_back(to);
    std::vector<double> gaps;
    for (size_t i = 1; i < times.size(); ++i)
    {
        gaps.push_back(milliseconds(times[i] - times[i - 1]));
    }
    statistics.gaps = spreadOf(gaps);
    return statistics;
}

// The component's one ListView (FeedView's lines, LogPage's lines).
QQuickItem *findListView(QQuickItem *scene)
{
    const QList<QQuickItem *> items = scene->findChildren<QQuickItem *>();
    const auto found = std::find_if(items.begin(), items.end(),
                                    [](QQuickItem *item) { return item->inherits("QQuickListView"); });
    return found == items.end() ? nullptr : *found;
}

// Whether the view shows (a part of) its last row.
bool showsNewest(QQuickItem *list)
{
    const int count = list->property("count").toInt();
    QQuickItem *last = nullptr;
    if (count == 0 ||
        !QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, last),
                                   Q_ARG(int, count - 1)) ||
        !last)
    {
        return false;
    }
    const qreal top = list->property("contentY").toReal();
    return last->y() < top + list->height() && last->y() + last->height() > top;
}

struct Verdict
{
    QString what;
    bool pass = false;
    QString detail;
};

class Bench
{
public:
    explicit Bench(int floodSeconds)
        : m_floodMs(floodSeconds * 1000)
        , m_service(localConfig())
        , m_controller(&m_service, {m_dir.filePath(u"config.json"_s), m_dir.filePath(u"desktop.ini"_s), {}},
                       &m_recorder)
        , m_updates(DayMicroseconds)
        , m_feed(&m_updates, m_battleId, FeedWorkload::playerName)
        , m_frames(&m_window)
    {
        AppController::setInstance(&m_controller);
        m_engine.addImportPath(u"qrc:/qt/qml"_s);
        m_controller.preferences()->attach(&m_engine);
        m_window.resize(1280, 800);
        m_window.show();
    }

    bool run()
    {
        QQuickItem *scene = show(FeedScene);
        if (!scene)
        {
            return false;
        }
        scene->setProperty("feed", QVariant::fromValue(&m_feed));
        QQuickItem *list = findListView(scene);
        if (!list)
        {
            std::fprintf(stderr, "FeedView has no ListView\n");
            return false;
        }
        settle();
        const bool software = m_window.rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
        std::printf("platform %s, %s scene graph (QSG_INFO=1 tells more)\n\n",
                    qPrintable(QGuiApplication::platformName()), software ? "software" : "hardware (RHI)");
        const GapStatistics idle = measureIdle();
        printFrames(u"(0) idle window, 2 s (baseline: the spinning square alone)"_s, idle, nullptr);
        std::printf("\n");
        appendAndScroll(list);
        std::printf("\n");
        search(list);
        std::printf("\n");
        floodFeed(list);
        delete scene;

        std::printf("\n");
        scene = show(LogScene);
        if (!scene)
        {
            return false;
        }
        list = findListView(scene);
        settle();
        floodLog(list);
        delete scene;

        std::printf("\nTargets during the floods\n");
        bool allPass = true;
        for (const Verdict &verdict : m_verdicts)
        {
            std::printf("  %s  %-60s %s\n", verdict.pass ? "PASS" : "FAIL", qPrintable(verdict.what),
                        qPrintable(verdict.detail));
            allPass = allPass && verdict.pass;
        }
        return allPass;
    }

private:
    Config localConfig()
    {
        Config config;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        config.journalDir = m_dir.filePath(u"journal"_s);
        return config;
    }

    QQuickItem *show(const QByteArray &qml)
    {
        QQmlComponent component(&m_engine);
        component.setData(qml, QUrl(u"feedviewbench.qml"_s));
        auto *item = qobject_cast<QQuickItem *>(component.create());
        if (!item)
        {
            std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
            return nullptr;
        }
        item->setParentItem(m_window.contentItem());
        item->setSize(m_window.size());
        return item;
    }

    // Lets the window render the scene for a moment before measuring.
    void settle()
    {
        const qint64 until = m_frames.now() + 500'000'000;
        runUntil([&] { return m_frames.now() > until; });
    }

    GapStatistics measureIdle()
    {
        const qint64 from = m_frames.now();
        runUntil([&] { return m_frames.now() - from > 2'000'000'000; });
        return gapsBetween(m_frames, from, m_frames.now());
    }

    void appendAndScroll(QQuickItem *list)
    {
        std::printf("(1) %d chat lines appended to the feed shown, then scrolling\n", LineCount);
        const FeedWorkload::AppendResult appended =
            FeedWorkload::appendThenFlush(m_updates, m_feed, m_battleId, LineCount);
        const qint64 flushed = m_frames.now();
        runUntil([&] { return list->property("count").toInt() == LineCount && showsNewest(list); });
        const qint64 atEnd = m_frames.now();
        const qint64 shown = m_frames.frameAfter(atEnd);
        printRow(u"append %1 updates (feed composing its lines)"_s.arg(LineCount), ms(appended.appendMs));
        printRow(u"flush: one batch of %1 rows"_s.arg(appended.rows), ms(appended.flushMs));
        printRow(u"flush done -> view at the newest line"_s, ms(milliseconds(atEnd - flushed)));
        printRow(u"  -> next frame swapped"_s, ms(milliseconds(shown - atEnd)));
        printRow(u"total: append + flush + shown"_s,
                 ms(appended.appendMs + appended.flushMs + milliseconds(shown - flushed)));

        qint64 start = m_frames.now();
        QMetaObject::invokeMethod(list, "positionViewAtBeginning");
        printRow(u"jump to the top (positionViewAtBeginning) -> frame"_s, ms(m_frames.toNextFrame(start)));

        std::vector<double> pageFrames;
        for (int page = 0; page < ScrollPages; ++page)
        {
            start = m_frames.now();
            list->setProperty("contentY", list->property("contentY").toReal() + list->height());
            pageFrames.push_back(m_frames.toNextFrame(start));
        }
        printRow(
            u"scroll down one page at a time, %1 pages -> frame"_s.arg(ScrollPages),
            u"%1 ms average, %2 ms worst"_s
                .arg(std::accumulate(pageFrames.begin(), pageFrames.end(), 0.0) / double(pageFrames.size()),
                     0, 'f', 1)
                .arg(*std::max_element(pageFrames.begin(), pageFrames.end()), 0, 'f', 1));

        start = m_frames.now();
        QMetaObject::invokeMethod(list, "positionViewAtEnd");
        printRow(u"jump back to the end (positionViewAtEnd) -> frame"_s, ms(m_frames.toNextFrame(start)));
    }

    void search(QQuickItem *list)
    {
        std::printf("(2) search over the %d lines shown\n", m_feed.totalCount());
        qint64 start = m_frames.now();
        m_feed.setSearchText(u"4242"_s);
        const double searchMs = milliseconds(m_frames.now() - start);
        const int matches = m_feed.count();
        runUntil([&] { return showsNewest(list); });
        printRow(u"setSearchText(\"4242\"): %1 matches"_s.arg(matches), ms(searchMs));
        printRow(u"  -> next frame with the matches at the newest"_s,
                 ms(milliseconds(m_frames.frameAfter(m_frames.now()) - start)));

        start = m_frames.now();
        m_feed.setSearchText(QString());
        const double clearMs = milliseconds(m_frames.now() - start);
        runUntil([&] { return showsNewest(list); });
        printRow(u"clear the search: %1 rows again"_s.arg(m_feed.count()), ms(clearMs));
        printRow(u"  -> next frame with the newest line"_s,
                 ms(milliseconds(m_frames.frameAfter(m_frames.now()) - start)));
    }

    void floodFeed(QQuickItem *list)
    {
        FeedWorkload::FloodOptions options;
        options.durationMs = m_floodMs;
        const QString title = u"(3) feed: %1 chat updates/s for %2 s onto the %3 lines, window rendering"_s
                                  .arg(options.updatesPerSecond)
                                  .arg(m_floodMs / 1000)
                                  .arg(m_feed.totalCount());
        const qint64 from = m_frames.now();
        const FeedWorkload::FloodResult result = FeedWorkload::flood(m_updates, m_feed, m_battleId, options);
        const qint64 to = m_frames.now();
        reportFlood(title, u"feed"_s, result, options, gapsBetween(m_frames, from, to), list);
    }

    void floodLog(QQuickItem *list)
    {
        LogModel *log = m_controller.log();
        FeedWorkload::FloodOptions options;
        options.durationMs = m_floodMs;
        const QString title = u"(4) log page: %1 log records/s for %2 s (%3 kept, the oldest dropped)"_s
                                  .arg(options.updatesPerSecond)
                                  .arg(m_floodMs / 1000)
                                  .arg(LogModel::DefaultCapacity);
        const auto record = [this](int n)
        {
            m_recorder.record(
                n % 50 == 0 ? QtWarningMsg : QtInfoMsg, "autohost.battle",
                u"battle 7f3a: player_chat from Player%1: message %2 of the benchmark, gl hf"_s.arg(n % 16)
                    .arg(n),
                QDateTime::currentMSecsSinceEpoch());
        };
        const auto flush = [this, log]
        {
            QCoreApplication::sendPostedEvents(&m_recorder, QEvent::MetaCall);
            log->flush();
        };
        const qint64 from = m_frames.now();
        const FeedWorkload::FloodResult result = FeedWorkload::flood(record, *log, flush, options);
        const qint64 to = m_frames.now();
        reportFlood(title, u"log page"_s, result, options, gapsBetween(m_frames, from, to), list);
    }

    void reportFlood(const QString &title, const QString &name, const FeedWorkload::FloodResult &result,
                     const FeedWorkload::FloodOptions &options, const GapStatistics &frames, QQuickItem *list)
    {
        // The last batch, applied when the flood ends, shows in the next frames.
        const bool newest = runUntil([&] { return showsNewest(list); }, 2'000);
        const GapStatistics idle = measureIdle();
        printFrames(title, frames, &result);
        printRow(
            u"the same window idle afterwards, 2 s: frames/s, p99 gap"_s,
            u"%1 frames/s, %2 ms"_s.arg(idle.framesPerSecond, 0, 'f', 1).arg(idle.gaps.p99Ms, 0, 'f', 1));
        printRow(u"%1 ms timer: worst lateness (max gap - interval)"_s.arg(options.tickIntervalMs),
                 ms(result.tickGapMaxMs - options.tickIntervalMs));
        printRow(u"%1 ms timer: gap p99"_s.arg(options.tickIntervalMs), ms(result.tickGapP99Ms));
        printRow(u"view follows the newest line after the flood"_s, newest ? u"yes"_s : u"no"_s);
        m_verdicts.append(
            {u"%1: no gap between frames over %2 ms (does not freeze)"_s.arg(name).arg(FreezeLimitMs),
             frames.gaps.maximumMs <= FreezeLimitMs, u"worst %1"_s.arg(ms(frames.gaps.maximumMs))});
        m_verdicts.append({u"%1: p99 gap between frames under %2 ms"_s.arg(name).arg(SmoothLimitMs),
                           frames.gaps.p99Ms < SmoothLimitMs, u"p99 %1"_s.arg(ms(frames.gaps.p99Ms))});
        if (!frames.frameTimesMs.empty())
        {
            const Spread frameTime = spreadOf(frames.frameTimesMs);
            m_verdicts.append(
                {u"%1: the GUI thread's time per frame under %2 ms"_s.arg(name).arg(FrameTimeLimitMs),
                 frameTime.maximumMs < FrameTimeLimitMs,
                 u"p99 %1, worst %2"_s.arg(ms(frameTime.p99Ms), ms(frameTime.maximumMs))});
        }
        m_verdicts.append({u"%1: the view follows the newest line"_s.arg(name), newest, {}});
    }

    static void printFrames(const QString &title, const GapStatistics &frames,
                            const FeedWorkload::FloodResult *flood)
    {
        std::printf("%s\n", qPrintable(title));
        if (flood)
        {
            printRow(u"updates produced"_s, QString::number(flood->updates));
            printRow(u"batches applied (rowsInserted signals)"_s, QString::number(flood->batches));
            printRow(u"rows inserted"_s, QString::number(flood->rowsInserted));
        }
        printRow(u"frames swapped"_s,
                 u"%1 (%2 frames/s)"_s.arg(frames.frames).arg(frames.framesPerSecond, 0, 'f', 1));
        printRow(u"gap between frames: average / p99 / worst"_s,
                 u"%1 / %2 / %3 ms"_s.arg(frames.gaps.averageMs, 0, 'f', 1)
                     .arg(frames.gaps.p99Ms, 0, 'f', 1)
                     .arg(frames.gaps.maximumMs, 0, 'f', 1));
        if (!frames.frameTimesMs.empty())
        {
            const Spread frameTime = spreadOf(frames.frameTimesMs);
            const auto over = std::count_if(frames.frameTimesMs.begin(), frames.frameTimesMs.end(),
                                            [](double time) { return time >= FrameTimeLimitMs; });
            printRow(u"GUI thread's time per frame: average / p50 / p99 / worst"_s,
                     u"%1 / %2 / %3 / %4 ms"_s.arg(frameTime.averageMs, 0, 'f', 2)
                         .arg(frameTime.p50Ms, 0, 'f', 2)
                         .arg(frameTime.p99Ms, 0, 'f', 2)
                         .arg(frameTime.maximumMs, 0, 'f', 2));
            printRow(u"  frames that took the GUI thread %1 ms or more"_s.arg(FrameTimeLimitMs),
                     QString::number(over));
        }
    }

    const int m_floodMs;
    QTemporaryDir m_dir;
    LogRecorder m_recorder;
    AutohostService m_service;
    AppController m_controller;
    const QUuid m_battleId = QUuid::createUuid();
    UpdateBuffer m_updates;
    FeedModel m_feed;
    QQmlEngine m_engine;
    QQuickWindow m_window;
    FrameClock m_frames;
    QList<Verdict> m_verdicts;
};
} // namespace

int main(int argc, char *argv[])
{
    bool native = false;
    int floodSeconds = DefaultFloodSeconds;
    for (int i = 1; i < argc; ++i)
    {
        bool ok = true;
        if (qstrcmp(argv[i], "--native") == 0)
        {
            native = true;
        }
        else if (qstrcmp(argv[i], "--flood-seconds") == 0 && i + 1 < argc)
        {
            floodSeconds = QByteArray(argv[++i]).toInt(&ok);
            ok = ok && floodSeconds > 0;
        }
        else
        {
            ok = false;
        }
        if (!ok)
        {
            std::fprintf(stderr, "usage: feedviewbench [--native] [--flood-seconds N (default %d)]\n",
                         DefaultFloodSeconds);
            return 2;
        }
    }
    if (!native)
    {
        // As the GUI tests run: comparable on any machine, no display needed.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qputenv("QT_QUICK_BACKEND", "software");
    }
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(u"Fusion"_s);
#ifdef NDEBUG
    const char *build = "optimised build";
#else
    const char *build = "debug build: figures are pessimistic, use a Release build for real ones";
#endif
    std::printf("feedviewbench: FeedView.qml and LogPage.qml in a 1280x800 window, Qt %s, %s\n", qVersion(),
                build);
    Bench bench(floodSeconds);
    return bench.run() ? 0 : 1;
}
