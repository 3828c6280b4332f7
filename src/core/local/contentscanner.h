#pragma once

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

// Finds the names of the games and maps installed in Spring data directories, as suggestions for a local
// battle: in <dir>/games and <dir>/maps, unpacked ".sdd" directories and ".sdz" (zip) and ".sd7" (7z)
// archives, named the way the engine names them, from the "name" and "version" of their modinfo.lua (games)
// or mapinfo.lua (maps): the name, plus a space and the version when the version is not empty and not already
// part of the name (real-engine notes §2). Rapid packages (packages/*.sdp) and archives without an info file
// are not covered. Problems are logged and the entry skipped.
class ContentScanner : public QObject
{
    Q_OBJECT

public:
    struct Content
    {
        QStringList games; // sorted case-insensitively, without duplicates
        QStringList maps;
    };

    // An info file is only read up to this size; a bigger one is skipped.
    static constexpr qint64 MaxInfoFileBytes = 1 << 20;

    explicit ContentScanner(QObject *parent = nullptr);
    // Waits for a scan under way (it only lists directories and reads small files).
    ~ContentScanner() override;

    // Scans on a worker thread and reports finished(). A scan asked for while one runs follows it, and only
    // its result is reported.
    void scan(const QStringList &dataDirs);
    // From scan() until finished() (the future itself may be done a little earlier).
    bool scanning() const { return m_scanning; }

    // The scan itself, on the calling thread.
    static Content scanNow(const QStringList &dataDirs);
    // The data directories that exist among the configured ones and those the engine searches by itself on
    // Linux: $SPRING_DATADIR, ${XDG_CONFIG_HOME:-~/.config}/spring, ~/.spring, the lines of
    // /etc/spring/datadir and Debian's /usr/share/games/spring. In that order, each once.
    static QStringList dataDirs(const QStringList &configured);
    // The archive name an info file gives (see above), or empty when it has no name. Tolerant of Lua's
    // syntax: reads string literals of "name" and "version" in the outermost table, skipping comments.
    static QString archiveName(const QByteArray &infoLua);

signals:
    void finished(const QStringList &games, const QStringList &maps);
    void scanningChanged();

private:
    void start(const QStringList &dataDirs);
    void handleFinished();

    QFutureWatcher<Content> m_watcher;
    QStringList m_pendingDirs;
    bool m_pending = false;
    bool m_scanning = false;
};
