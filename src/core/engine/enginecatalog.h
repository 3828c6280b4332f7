#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

// Where the catalog looks for engines.
struct EngineSources
{
    // engines/<version>/spring-dedicated: installed by the operator or by installEngine.
    QString enginesDir;
    // Directories the operator configured (extraEngineDirs): each is either one engine (spring-dedicated at
    // its top, version asked from the binary) or a directory of <version>/spring-dedicated like enginesDir.
    // Never written to.
    QStringList extraDirs;
    // Dedicated server binaries installed by the system, e.g. Debian's /usr/games/spring-dedicated; their
    // version is asked from the binary (--version).
    QStringList systemBinaries;
};

// The engines this autohost can run. Versions are directory names or what a binary reports; they always match
// the spec's engine version pattern. When a version is found in several places, enginesDir wins over extra
// directories, which win over system binaries. Directories are watched, so engines that appear or vanish show
// up in versions() soon after, with a versionsChanged signal (changes are coalesced over a short delay).
class EngineCatalog : public QObject
{
    Q_OBJECT

public:
    enum class Origin
    {
        Installed, // enginesDir
        Extra,     // a configured extra directory
        System,    // a system binary
    };
    Q_ENUM(Origin)

    struct Engine
    {
        QString version;
        QString dedicatedServerPath; // absolute
        Origin origin = Origin::Installed;

        bool operator==(const Engine &) const = default;
    };

    explicit EngineCatalog(const QString &enginesDir, QObject *parent = nullptr);
    explicit EngineCatalog(const EngineSources &sources, QObject *parent = nullptr);

    // Sorted by version.
    QStringList versions() const;
    QList<Engine> engines() const { return m_engines; }
    // Absolute path of the dedicated server binary of an available version, or empty.
    QString dedicatedServerPath(const QString &version) const;
    QString enginesDir() const { return m_sources.enginesDir; }

    static QString dedicatedServerBinaryName();
    // Whether a path is a file this autohost could run as an engine (a regular file, or a link to one, that
    // is executable).
    static bool isEngineBinary(const QString &path);
    // Debian's spring package (and other Linux packages) put the dedicated server here.
    static QStringList defaultSystemBinaries();
    // Whether a string may name an engine directory: the spec's pattern ^[0-9a-zA-Z .+-]+$, not "." or "..",
    // not starting with '.', no leading or trailing space.
    static bool isValidVersion(const QString &version);
    // The version in the output of `spring-dedicated --version` ("spring-dedicated version 106.0 (Dedicated)"
    // → "106.0"), or empty when there is none or it is not a valid version.
    static QString versionFromOutput(const QByteArray &output);

public slots:
    void rescan();

signals:
    void versionsChanged(const QStringList &versions);

private:
    struct ProbedVersion
    {
        QDateTime modified;
        qint64 size = 0;
        QString version;
    };

    void scheduleRescan();
    void updateWatches(const QStringList &paths);
    // Adds the engines of a directory of versions; returns the directories to watch.
    QStringList scanVersionDirectories(const QString &root, Origin origin, QList<Engine> &found) const;
    // The version a binary reports, asked once per binary file (cached while its size and time stay the
    // same).
    QString probeVersion(const QString &binaryPath);

    EngineSources m_sources;
    QList<Engine> m_engines;
    QHash<QString, ProbedVersion> m_probed;
    QFileSystemWatcher m_watcher;
    QTimer m_rescanTimer;
};
