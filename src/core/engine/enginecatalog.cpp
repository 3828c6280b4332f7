#include "engine/enginecatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Several events arrive for one unpacked engine; one rescan after they settle is enough.
constexpr int RescanDelayMs = 200;
} // namespace

EngineCatalog::EngineCatalog(const QString &enginesDir, QObject *parent)
    : QObject(parent)
    , m_enginesDir(QDir(enginesDir).absolutePath())
{
    if (!QDir().mkpath(m_enginesDir))
    {
        qCWarning(lcEngines) << "cannot create the engines directory" << m_enginesDir;
    }
    m_rescanTimer.setSingleShot(true);
    m_rescanTimer.setInterval(RescanDelayMs);
    connect(&m_rescanTimer, &QTimer::timeout, this, &EngineCatalog::rescan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &EngineCatalog::scheduleRescan);
    rescan();
}

QString EngineCatalog::dedicatedServerPath(const QString &version) const
{
    if (!m_versions.contains(version))
    {
        return {};
    }
    return QDir(m_enginesDir).filePath(version + u'/' + dedicatedServerBinaryName());
}

QString EngineCatalog::dedicatedServerBinaryName()
{
#ifdef Q_OS_WIN
    return u"spring-dedicated.exe"_s;
#else
    return u"spring-dedicated"_s;
#endif
}

bool EngineCatalog::isValidVersion(const QString &version)
{
    static const QRegularExpression pattern(u"^[0-9a-zA-Z .+-]+$"_s);
    return pattern.match(version).hasMatch() && !version.startsWith(u'.') && !version.startsWith(u' ') &&
           !version.endsWith(u' ');
}

void EngineCatalog::rescan()
{
    const QDir dir(m_enginesDir);
    QStringList candidates;
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name))
    {
        if (isValidVersion(name))
        {
            candidates.append(name);
        }
    }
    // Directories without the binary are watched too, so the catalog notices when an unpacking finishes. The
    // watches go in before the binaries are looked for: one that appears in between is not missed.
    QStringList watched{m_enginesDir};
    for (const QString &name : std::as_const(candidates))
    {
        watched.append(dir.filePath(name));
    }
    updateWatches(watched);

    QStringList found;
    for (const QString &name : std::as_const(candidates))
    {
        const QFileInfo binary(dir.filePath(name + u'/' + dedicatedServerBinaryName()));
        if (binary.isFile() && binary.isExecutable())
        {
            found.append(name);
        }
    }
    found.sort();
    if (found != m_versions)
    {
        m_versions = found;
        qCInfo(lcEngines).noquote() << u"available engines: %1"_s.arg(
            m_versions.isEmpty() ? u"none"_s : m_versions.join(u", "_s));
        emit versionsChanged(m_versions);
    }
}

void EngineCatalog::updateWatches(const QStringList &paths)
{
    const QStringList current = m_watcher.directories();
    QStringList stale;
    for (const QString &path : current)
    {
        if (!paths.contains(path))
        {
            stale.append(path);
        }
    }
    if (!stale.isEmpty())
    {
        m_watcher.removePaths(stale);
    }
    QStringList added;
    for (const QString &path : paths)
    {
        if (!current.contains(path))
        {
            added.append(path);
        }
    }
    if (!added.isEmpty())
    {
        m_watcher.addPaths(added);
    }
}

void EngineCatalog::scheduleRescan()
{
    // Not restarted on every event: a directory that keeps changing must still be rescanned now and then.
    if (!m_rescanTimer.isActive())
    {
        m_rescanTimer.start();
    }
}
