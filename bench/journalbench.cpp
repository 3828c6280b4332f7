// The update journal's costs: appending a record (as the service does for every update, before sending it),
// the same with an fdatasync after each record (what the journal avoids), a periodic sync, and reading a
// journal back on start.
#include <cstdio>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include "updates/updatejournal.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr int AppendCount = 100'000;
constexpr int SyncedCount = 300;
constexpr qint64 Start = 1'750'000'000'000'000;

UpdateBuffer::Entry chat(const QUuid &battle, int n)
{
    return {battle, Start + n,
            dumpJson(Json{{"type", "player_chat"},
                          {"userId", "1001"},
                          {"message", "gl hf, message number " + std::to_string(n)},
                          {"destination", "all"}})};
}

UpdateJournal::Settings settings(const QString &dir)
{
    UpdateJournal::Settings settings;
    settings.directory = dir;
    settings.segmentBytes = UpdateJournal::segmentBytesFor(settings.maxBytes);
    settings.retention = 24LL * 3600 * 1'000'000;
    return settings;
}

void printRow(const char *what, const QString &value)
{
    std::printf("  %-44s %s\n", what, qPrintable(value));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Where the journal would live: the current directory (the data directory), not a tmpfs /tmp.
    QTemporaryDir dir(QDir::currentPath() + u"/journalbench-XXXXXX"_s);
    if (!dir.isValid())
    {
        std::fprintf(stderr, "cannot create a directory here\n");
        return 1;
    }
    const QUuid battle = QUuid::createUuid();
    std::printf("journal in %s\n", qPrintable(dir.path()));
    {
        UpdateJournal journal(settings(dir.path()));
        if (!journal.open().ok())
        {
            return 1;
        }
        // Made beforehand: the service appends updates that exist already.
        std::vector<UpdateBuffer::Entry> updates;
        updates.reserve(AppendCount);
        for (int i = 0; i < AppendCount; ++i)
        {
            updates.push_back(chat(battle, i));
        }
        QElapsedTimer clock;
        clock.start();
        // In bursts of 64, each written with one flush, as the service passes updates on.
        for (std::size_t i = 0; i < updates.size(); ++i)
        {
            journal.appendUpdate(updates[i], false);
            if (i % 64 == 63)
            {
                journal.flush();
            }
        }
        journal.flush();
        const double appendNs = double(clock.nsecsElapsed()) / AppendCount;
        clock.restart();
        journal.sync();
        const double syncMs = double(clock.nsecsElapsed()) / 1e6;
        std::printf("(a) %d chat updates appended (%lld bytes, %lld bytes/record)\n", AppendCount,
                    journal.totalBytes(), journal.totalBytes() / AppendCount);
        printRow("append, one write(2) per 64, no sync", u"%1 µs/record"_s.arg(appendNs / 1000, 0, 'f', 2));
        printRow("one fdatasync after them", u"%1 ms"_s.arg(syncMs, 0, 'f', 1));

        clock.restart();
        for (int i = 0; i < SyncedCount; ++i)
        {
            journal.appendUpdate(chat(battle, AppendCount + i), false);
            journal.sync();
        }
        printRow(
            "append + fdatasync each",
            u"%1 µs/record (%2 records)"_s.arg(double(clock.nsecsElapsed()) / SyncedCount / 1000, 0, 'f', 1)
                .arg(SyncedCount));
    }
    {
        QElapsedTimer clock;
        clock.start();
        UpdateJournal journal(settings(dir.path()));
        const auto contents = journal.open();
        if (!contents)
        {
            return 1;
        }
        std::printf("(b) reading the journal back on start\n");
        printRow("open (verify, parse every record)",
                 u"%1 ms for %2 updates (%3 µs/record)"_s.arg(double(clock.nsecsElapsed()) / 1e6, 0, 'f', 1)
                     .arg(contents->updates.size())
                     .arg(double(clock.nsecsElapsed()) / double(contents->updates.size()) / 1000, 0, 'f', 2));
    }
    return 0;
}
