#include "engine/enginecatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Several events arrive for one unpacked engine; one rescan after they settle is enough.
constexpr int RescanDelayMs = 200;
// `spring-dedicated --version` answers in milliseconds; a binary that hangs is not an engine we can use.
constexpr int VersionProbeTimeoutMs = 5000;

QString describe(const QList<EngineCatalog::Engine> &engines)
{
    if (engines.isEmpty())
    {
        return u"none"_s;
    }
    QStringList parts;
    for (const EngineCatalog::Engine &engine : engines)
    {
        parts.append(engine.origin == EngineCatalog::Origin::Installed
                         ? engine.version
                         : u"%1 (%2)"_s.arg(engine.version, engine.dedicatedServerPath));
    }
    return parts.join(u", "_s);
}
} // namespace

EngineCatalog::EngineCatalog(const QString &enginesDir, QObject *parent)
    : EngineCatalog(EngineSources{enginesDir, {}, {}}, parent)
{
}

EngineCatalog::EngineCatalog(const EngineSources &sources, QObject *parent)
    : QObject(parent)
    , m_sources(sources)
{
    m_sources.enginesDir = QDir(sources.enginesDir).absolutePath();
    for (QString &dir : m_sources.extraDirs)
    {
        dir = QDir(dir).absolutePath();
    }
    if (!QDir().mkpath(m_sources.enginesDir))
    {
        qCWarning(lcEngines) << "cannot create the engines directory" << m_sources.enginesDir;
    }
    m_rescanTimer.setSingleShot(true);
    m_rescanTimer.setInterval(RescanDelayMs);
    connect(&m_rescanTimer, &QTimer::timeout, this, &EngineCatalog::rescan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &EngineCatalog::scheduleRescan);
    rescan();
}

QStringList EngineCatalog::versions() const
{
    QStringList result;
    for (const Engine &engine : m_engines)
    {
        result.append(engine.version);
    }
    return result;
}

QString EngineCatalog::dedicatedServerPath(const QString &version) const
{
    for (const Engine &engine : m_engines)
    {
        if (engine.version == version)
        {
            return engine.dedicatedServerPath;
        }
    }
    return {};
}

QString EngineCatalog::dedicatedServerBinaryName()
{
#ifdef Q_OS_WIN
    return u"spring-dedicated.exe"_s;
#else
    return u"spring-dedicated"_s;
#endif
}

QStringList EngineCatalog::defaultSystemBinaries()
{
#ifdef Q_OS_LINUX
    return {u"/usr/games/spring-dedicated"_s, u"/usr/bin/spring-dedicated"_s};
#else
    return {};
#endif
}

bool EngineCatalog::isEngineBinary(const QString &path)
{
    const QFileInfo binary(path);
    return binary.isFile() && binary.isExecutable();
}

bool EngineCatalog::isValidVersion(const QString &version)
{
    static const QRegularExpression pattern(u"^[0-9a-zA-Z .+-]+$"_s);
    if (!pattern.match(version).hasMatch() || version.startsWith(u'.') || version.startsWith(u' ') ||
        version.endsWith(u' '))
    {
        return false;
    }
#ifdef Q_OS_WIN
    // Names Windows keeps for devices, or would silently change.
    static const QRegularExpression reserved(u"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    if (reserved.match(version).hasMatch() || version.endsWith(u'.'))
    {
        return false;
    }
#endif
    return true;
}

QString EngineCatalog::versionFromOutput(const QByteArray &output)
{
    // "<program> version <version>" optionally followed by a parenthesised build kind; the program is the
    // engine (spring-dedicated, spring, recoil…), so other lines that happen to say "version" do not count.
    static const QRegularExpression line(u"^\\S*(?:spring|recoil)\\S* version (.+?)(?: \\([^()]*\\))?\\s*$"_s,
                                         QRegularExpression::MultilineOption |
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(output));
    if (!match.hasMatch() || !isValidVersion(match.captured(1)))
    {
        return {};
    }
    return match.captured(1);
}

QString EngineCatalog::probeVersion(const QString &binaryPath)
{
    const QFileInfo info(binaryPath);
    const auto cached = m_probed.constFind(binaryPath);
    if (cached != m_probed.cend() && cached->modified == info.lastModified() && cached->size == info.size())
    {
        return cached->version;
    }
    QProcess process;
    process.setProgram(binaryPath);
    process.setArguments({u"--version"_s});
    process.setWorkingDirectory(QDir::tempPath());
    process.setStandardErrorFile(QProcess::nullDevice());
    process.start(QIODevice::ReadOnly);
    QString version;
    if (process.waitForFinished(VersionProbeTimeoutMs))
    {
        version = versionFromOutput(process.readAllStandardOutput());
    }
    else
    {
        process.kill();
        process.waitForFinished(1000);
    }
    if (version.isEmpty())
    {
        qCWarning(lcEngines).noquote()
            << u"%1 --version did not report a usable engine version"_s.arg(binaryPath);
    }
    m_probed.insert(binaryPath, {info.lastModified(), info.size(), version});
    return version;
}

QStringList EngineCatalog::scanVersionDirectories(const QString &root, Origin origin,
                                                  QList<Engine> &found) const
{
    const QDir dir(root);
    QStringList watched{root};
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name))
    {
        if (!isValidVersion(name))
        {
            continue;
        }
        // Directories without the binary are watched too, so the catalog notices when an unpacking finishes.
        watched.append(dir.filePath(name));
        const QString binary = dir.filePath(name + u'/' + dedicatedServerBinaryName());
        if (isEngineBinary(binary))
        {
            found.append({name, binary, origin});
        }
    }
    return watched;
}

void EngineCatalog::rescan()
{
    QList<Engine> candidates;
    QStringList watched = scanVersionDirectories(m_sources.enginesDir, Origin::Installed, candidates);
    for (const QString &extra : std::as_const(m_sources.extraDirs))
    {
        const QString binary = QDir(extra).filePath(dedicatedServerBinaryName());
        if (isEngineBinary(binary))
        {
            watched.append(extra);
            QString version = probeVersion(binary);
            if (version.isEmpty() && isValidVersion(QFileInfo(extra).fileName()))
            {
                version = QFileInfo(extra).fileName();
            }
            if (!version.isEmpty())
            {
                candidates.append({version, binary, Origin::Extra});
            }
        }
        else if (QFileInfo(extra).isDir())
        {
            watched += scanVersionDirectories(extra, Origin::Extra, candidates);
        }
        else
        {
            qCWarning(lcEngines).noquote() << u"extra engine directory %1 does not exist"_s.arg(extra);
        }
    }
    for (const QString &binary : std::as_const(m_sources.systemBinaries))
    {
        if (isEngineBinary(binary))
        {
            const QString version = probeVersion(binary);
            if (!version.isEmpty())
            {
                candidates.append({version, QFileInfo(binary).absoluteFilePath(), Origin::System});
            }
        }
    }
    // Existing directories only: a watch on a missing one fails with a warning on every rescan.
    watched.removeIf([](const QString &path) { return !QFileInfo(path).isDir(); });
    updateWatches(watched);

    // Candidates are in priority order; the first of each version is kept.
    QList<Engine> found;
    for (const Engine &candidate : std::as_const(candidates))
    {
        const bool shadowed =
            std::any_of(found.cbegin(), found.cend(),
                        [&](const Engine &kept) { return kept.version == candidate.version; });
        if (!shadowed)
        {
            found.append(candidate);
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Engine &a, const Engine &b) { return a.version < b.version; });
    if (found != m_engines)
    {
        m_engines = found;
        qCInfo(lcEngines).noquote() << u"available engines: %1"_s.arg(describe(m_engines));
        emit versionsChanged(versions());
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
        if (!current.contains(path) && !added.contains(path))
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
