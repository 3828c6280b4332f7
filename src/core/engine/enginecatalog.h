#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

// The engines this autohost can run: every directory engines/<version>/ (not hidden, name a valid engine
// version) that contains the dedicated server binary (spring-dedicated, spring-dedicated.exe on Windows). The
// directory and its subdirectories are watched, so engines that appear or vanish show up in versions() soon
// after, with a versionsChanged signal (changes are coalesced over a short delay).
class EngineCatalog : public QObject
{
    Q_OBJECT

public:
    explicit EngineCatalog(const QString &enginesDir, QObject *parent = nullptr);

    // Sorted.
    QStringList versions() const { return m_versions; }
    // Absolute path of the dedicated server binary of an installed version, or empty.
    QString dedicatedServerPath(const QString &version) const;
    QString enginesDir() const { return m_enginesDir; }

    static QString dedicatedServerBinaryName();
    // Whether a string may name an engine directory: the spec's pattern ^[0-9a-zA-Z .+-]+$, not "." or "..",
    // not starting with '.', no leading or trailing space.
    static bool isValidVersion(const QString &version);

public slots:
    void rescan();

signals:
    void versionsChanged(const QStringList &versions);

private:
    void scheduleRescan();
    void updateWatches(const QStringList &paths);

    QString m_enginesDir;
    QStringList m_versions;
    QFileSystemWatcher m_watcher;
    QTimer m_rescanTimer;
};
