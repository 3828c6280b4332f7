#include "engine/engineinstaller.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QStorageInfo>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/enginearchive.h"
#include "engine/enginecatalog.h"
#include "engine/filedownload.h"
#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Work directories are hidden (the catalog ignores names starting with '.') and recognisable as ours.
constexpr auto WorkDirectoryPrefix = ".install-";
// Extracted engines take about three times their 7z archive; the archive is kept until extraction ends.
constexpr qint64 DiskSpaceFactor = 4;
// The find API answers a few hundred bytes; anything that large is not an answer.
constexpr qint64 MaxLookupBytes = 1 << 20;
// Installs run side by side up to this many; more wait their turn (bandwidth, disk space and the
// one-at-a-time extraction are shared).
constexpr int MaxRunningInstalls = 2;
// However large the configured backoff, the wait between attempts stays within an hour.
constexpr qint64 MaxBackoffMs = 3600 * 1000;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}
} // namespace

struct EngineInstaller::Job
{
    // Receiver of every connection and timer of this job: destroying the job silences them all.
    QObject context;
    Install info;
    QString workDir;
    std::optional<EngineRelease> release;
    QPointer<QNetworkReply> lookup;
    QByteArray lookupBody;
    int lookupAttempts = 0;
    std::unique_ptr<FileDownload> download;
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<Result<ExtractSummary>> extraction;
    QElapsedTimer elapsed;
    int loggedTenths = -1;
    bool retired = false;

    QString archivePath() const { return workDir + u"/archive/"_s + release->fileName; }
    QString contentDir() const { return workDir + u"/content"_s; }
};

EngineInstaller::EngineInstaller(const Settings &settings, EngineCatalog *catalog,
                                 QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_catalog(catalog)
    , m_network(network)
{
    removeStaleWorkDirectories();
    connect(catalog, &EngineCatalog::versionsChanged, this,
            [this](const QStringList &versions)
            {
                for (const QString &version : versions)
                {
                    if (m_failed.remove(version) > 0)
                    {
                        emit installChanged(version);
                    }
                }
            });
}

EngineInstaller::~EngineInstaller()
{
    // Nothing is reported from here on: aborting a reply would otherwise run its handlers, which fail and
    // retire jobs while this loop walks them.
    const QSignalBlocker blocker(this);
    const auto jobs = std::exchange(m_jobs, {});
    for (const auto &job : jobs)
    {
        job->retired = true;
        job->cancel->store(true);
        if (job->download)
        {
            job->download->abort();
        }
        if (job->lookup)
        {
            job->lookup->disconnect();
            job->lookup->abort();
            job->lookup->deleteLater();
        }
        job->extraction.disconnect();
        job->extraction.waitForFinished();
        removeWorkDirectory(job.get());
    }
}

EngineInstaller::Request EngineInstaller::check(const QString &version) const
{
    if (!EngineCatalog::isValidVersion(version))
    {
        return Request::InvalidVersion;
    }
    if (m_jobs.contains(version))
    {
        return Request::AlreadyInstalling;
    }
    if (!m_catalog->dedicatedServerPath(version).isEmpty())
    {
        return Request::AlreadyInstalled;
    }
    return Request::Started;
}

EngineInstaller::Request EngineInstaller::install(const QString &version)
{
    if (const Request answer = check(version); answer != Request::Started)
    {
        return answer;
    }
    m_failed.remove(version);
    auto job = std::make_shared<Job>();
    job->info.version = version;
    job->info.phase = Phase::Queued;
    m_jobs.insert(version, job);
    m_queue.append(version);
    emit installChanged(version);
    startQueued();
    return Request::Started;
}

void EngineInstaller::startQueued()
{
    const auto running = std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                                       [](const auto &job) { return job->info.phase != Phase::Queued; });
    if (running >= MaxRunningInstalls || m_queue.isEmpty())
    {
        return;
    }
    Job *job = m_jobs.value(m_queue.takeFirst()).get();
    job->workDir = QDir(m_catalog->enginesDir())
                       .filePath(QLatin1StringView(WorkDirectoryPrefix) +
                                 QUuid::createUuid().toString(QUuid::WithoutBraces));
    job->elapsed.start();
    qCInfo(lcEngines).noquote() << u"installing engine %1 from %2"_s.arg(job->info.version,
                                                                         m_settings.cdnBaseUrl.toString());
    if (!QDir().mkpath(job->workDir + u"/archive"_s))
    {
        // From the event loop: this may run inside install(), whose caller expects Started first.
        QTimer::singleShot(0, &job->context,
                           [this, job] { failJob(job, u"cannot create %1"_s.arg(job->workDir)); });
        return;
    }
    lookUp(job);
}

QList<EngineInstaller::Install> EngineInstaller::installs() const
{
    QList<Install> result = m_failed.values();
    for (const auto &job : m_jobs)
    {
        result.append(job->info);
    }
    std::sort(result.begin(), result.end(),
              [](const Install &a, const Install &b) { return a.version < b.version; });
    return result;
}

bool EngineInstaller::isInstalling(const QString &version) const
{
    return m_jobs.contains(version);
}

void EngineInstaller::lookUp(Job *job)
{
    ++job->lookupAttempts;
    setPhase(job, Phase::LookingUp);
    QNetworkRequest request(
        EngineRelease::findUrl(m_settings.cdnBaseUrl, m_settings.category, job->info.version));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(m_settings.stallTimeoutMs);
    job->lookupBody.clear();
    job->lookup = m_network->get(request);
    connect(job->lookup, &QNetworkReply::readyRead, &job->context,
            [job]
            {
                job->lookupBody += job->lookup->readAll();
                if (job->lookupBody.size() > MaxLookupBytes)
                {
                    job->lookup->abort(); // finished follows, and the size decides
                }
            });
    connect(job->lookup, &QNetworkReply::finished, &job->context, [this, job] { onLookupFinished(job); });
}

void EngineInstaller::onLookupFinished(Job *job)
{
    QNetworkReply *reply = job->lookup;
    job->lookup = nullptr;
    reply->deleteLater();
    if (job->lookupBody.size() > MaxLookupBytes)
    {
        failJob(job, u"invalid release lookup payload: larger than %1 bytes"_s.arg(MaxLookupBytes));
        return;
    }
    job->lookupBody += reply->isOpen() ? reply->readAll() : QByteArray();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300)
    {
        retryOrFail(job, FileDownload::classify(status, reply->error()),
                    status >= 300 ? u"engine lookup failed with status %1"_s.arg(status)
                                  : u"engine lookup failed: %1"_s.arg(reply->errorString()));
        return;
    }
    auto release = EngineRelease::fromFindResponse(job->lookupBody, job->info.version);
    if (!release)
    {
        failJob(job, release.error());
        return;
    }
    job->release = *release;
    job->info.bytesTotal = release->size;
    const QStorageInfo storage(job->workDir);
    const qint64 needed = release->size * DiskSpaceFactor;
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < needed)
    {
        failJob(job, u"not enough disk space in %1: about %2 MB needed, %3 MB free"_s.arg(
                         m_catalog->enginesDir(), megabytes(needed), megabytes(storage.bytesAvailable())));
        return;
    }
    download(job);
}

void EngineInstaller::download(Job *job)
{
    ++job->info.attempt;
    setPhase(job, Phase::Downloading);
    job->loggedTenths = -1;
    FileDownload::Limits limits;
    limits.timeoutMs = m_settings.attemptTimeoutMs;
    limits.stallTimeoutMs = m_settings.stallTimeoutMs;
    // The MD5 check catches any difference; the limit only keeps a misbehaving server from filling the disk.
    limits.maxBytes = job->release->size + job->release->size / 10 + (1 << 20);
    const QUrl url = job->release->mirrors.constFirst();
    qCInfo(lcEngines).noquote() << u"downloading engine %1 from %2 (%3 MB, attempt %4 of %5)"_s.arg(
        job->info.version, url.toString(), megabytes(job->release->size), QString::number(job->info.attempt),
        QString::number(m_settings.maxAttempts));
    job->download = std::make_unique<FileDownload>(m_network, url, job->archivePath(), limits);
    connect(job->download.get(), &FileDownload::progress, &job->context,
            [this, job](qint64 received, qint64 total)
            { reportProgress(job, received, total > 0 ? total : job->info.bytesTotal); });
    connect(job->download.get(), &FileDownload::finished, &job->context,
            [this, job](const Status &result) { onDownloadFinished(job, result); });
    job->download->start();
}

void EngineInstaller::onDownloadFinished(Job *job, const Status &result)
{
    // Released later: this runs inside the download's own signal.
    FileDownload *download = job->download.release();
    download->deleteLater();
    if (!result)
    {
        retryOrFail(job, download->error(),
                    u"download of %1 failed: %2"_s.arg(download->url().toString(), result.error()));
        return;
    }
    if (download->md5() != job->release->md5)
    {
        // A damaged transfer or a bad mirror copy: another attempt may get the right bytes.
        retryOrFail(job, FileDownload::Error::Transient,
                    u"the archive's MD5 is %1, the CDN says %2"_s.arg(download->md5(), job->release->md5));
        return;
    }
    reportProgress(job, download->bytesReceived(), download->bytesReceived());
    extract(job);
}

void EngineInstaller::retryOrFail(Job *job, FileDownload::Error error, const QString &reason)
{
    // Lookups and downloads each get the configured number of attempts.
    const int attempts = job->release ? job->info.attempt : job->lookupAttempts;
    if (error != FileDownload::Error::Transient || attempts >= m_settings.maxAttempts)
    {
        failJob(job, attempts > 1 ? u"%1 (after %2 attempts)"_s.arg(reason).arg(attempts) : reason);
        return;
    }
    const qint64 delay =
        std::min(MaxBackoffMs, qint64(m_settings.backoffBaseMs) << std::min(attempts - 1, 30));
    qCWarning(lcEngines).noquote() << u"engine %1: %2; trying again in %3 s"_s.arg(job->info.version, reason)
                                          .arg(double(delay) / 1000.0);
    QTimer::singleShot(std::chrono::milliseconds(delay), &job->context,
                       [this, job]
                       {
                           if (job->release)
                           {
                               download(job);
                           }
                           else
                           {
                               lookUp(job);
                           }
                       });
}

void EngineInstaller::extract(Job *job)
{
    job->info.bytesTotal = -1; // unpacked bytes: the total is not known beforehand
    setPhase(job, Phase::Extracting);
    qCInfo(lcEngines).noquote() << u"extracting engine %1"_s.arg(job->info.version);
    if (!QDir().mkpath(job->contentDir()))
    {
        failJob(job, u"cannot create %1"_s.arg(job->contentDir()));
        return;
    }
    connect(&job->extraction, &QFutureWatcherBase::finished, &job->context,
            [this, job] { onExtracted(job); });
    // Progress crosses from the worker thread as queued calls; the job's context object drops them once the
    // job is gone.
    QObject *context = &job->context;
    auto progress = [this, job, context, last = qint64(0)](qint64 written) mutable
    {
        if (written - last < (1 << 20))
        {
            return;
        }
        last = written;
        QMetaObject::invokeMethod(
            context, [this, job, written] { reportProgress(job, written, -1); }, Qt::QueuedConnection);
    };
    job->extraction.setFuture(QtConcurrent::run(
        [archive = job->archivePath(), target = job->contentDir(), cancel = job->cancel, progress]() mutable
        { return EngineArchive::extract(archive, target, {}, progress, cancel.get()); }));
}

void EngineInstaller::onExtracted(Job *job)
{
    const Result<ExtractSummary> result = job->extraction.result();
    if (!result)
    {
        failJob(job, u"cannot extract the archive: %1"_s.arg(result.error()));
        return;
    }
    finishInstall(job);
}

void EngineInstaller::finishInstall(Job *job)
{
    const QString binaryName = EngineCatalog::dedicatedServerBinaryName();
    QString engineRoot = job->contentDir();
    // Some archives wrap the engine in one top directory.
    const QStringList top =
        QDir(engineRoot).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    if (!QFileInfo::exists(engineRoot + u'/' + binaryName) && top.size() == 1 &&
        QFileInfo(engineRoot + u'/' + top.constFirst()).isDir())
    {
        engineRoot += u'/' + top.constFirst();
    }
    const QString binary = engineRoot + u'/' + binaryName;
    if (!EngineCatalog::isEngineBinary(binary) || QFileInfo(binary).isSymLink())
    {
        failJob(job, u"the archive has no executable %1 at its top"_s.arg(binaryName));
        return;
    }
    const QDir engines(m_catalog->enginesDir());
    const QString destination = engines.filePath(job->info.version);
    // isValidVersion keeps the name a single plain component; check the result anyway before renaming.
    if (QFileInfo(destination).absolutePath() != engines.absolutePath())
    {
        failJob(job, u"engine version %1 does not name a directory in %2"_s.arg(job->info.version,
                                                                                engines.path()));
        return;
    }
    if (QFileInfo(destination).exists() || QFileInfo(destination).isSymLink())
    {
        if (EngineCatalog::isEngineBinary(destination + u'/' + binaryName))
        {
            qCInfo(lcEngines).noquote()
                << u"engine %1 appeared in %2 while installing; keeping that one"_s.arg(job->info.version,
                                                                                        destination);
            completeJob(job);
            return;
        }
        // An incomplete engine (no binary, so no battle runs from it) is moved aside, never deleted: it may
        // be the operator's.
        const QString aside =
            QDir(m_catalog->enginesDir())
                .filePath(u".replaced-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        if (!QDir().rename(destination, aside))
        {
            failJob(job, u"cannot move the incomplete %1 out of the way"_s.arg(destination));
            return;
        }
        qCWarning(lcEngines).noquote() << u"moved the incomplete %1 to %2"_s.arg(destination, aside);
    }
    if (!QDir().rename(engineRoot, destination))
    {
        failJob(job, u"cannot rename %1 to %2"_s.arg(engineRoot, destination));
        return;
    }
    qCInfo(lcEngines).noquote() << u"installed engine %1 in %2 s"_s.arg(job->info.version)
                                       .arg(double(job->elapsed.elapsed()) / 1000.0, 0, 'f', 1);
    completeJob(job);
}

void EngineInstaller::completeJob(Job *job)
{
    const QString version = job->info.version;
    removeWorkDirectory(job);
    retire(job);
    m_catalog->rescan();
    emit installChanged(version);
    emit installed(version);
    startQueued();
}

void EngineInstaller::failJob(Job *job, const QString &reason)
{
    const QString version = job->info.version;
    qCWarning(lcEngines).noquote() << u"installing engine %1 failed: %2"_s.arg(version, reason);
    Install info = job->info;
    info.phase = Phase::Failed;
    info.error = reason;
    m_failed.insert(version, info);
    removeWorkDirectory(job);
    retire(job);
    emit installChanged(version);
    emit failed(version, reason);
    startQueued();
}

void EngineInstaller::retire(Job *job)
{
    job->retired = true;
    if (job->download)
    {
        job->download->abort();
    }
    // Destroyed from the event loop: this may run inside a signal of the job's own reply or watcher.
    std::shared_ptr<Job> owned = m_jobs.take(job->info.version);
    QMetaObject::invokeMethod(
        this, [owned] {}, Qt::QueuedConnection);
}

void EngineInstaller::setPhase(Job *job, Phase phase)
{
    job->info.phase = phase;
    job->info.bytesDone = 0;
    emit installChanged(job->info.version);
}

void EngineInstaller::reportProgress(Job *job, qint64 done, qint64 total)
{
    if (job->retired)
    {
        return;
    }
    job->info.bytesDone = done;
    if (total > 0)
    {
        job->info.bytesTotal = total;
    }
    if (job->info.phase == Phase::Downloading && job->info.bytesTotal > 0)
    {
        const int tenths = int(std::min<qint64>(10, done * 10 / job->info.bytesTotal));
        if (tenths != job->loggedTenths)
        {
            job->loggedTenths = tenths;
            qCInfo(lcEngines).noquote() << u"downloading engine %1: %2% (%3 of %4 MB)"_s.arg(
                job->info.version, QString::number(tenths * 10), megabytes(done),
                megabytes(job->info.bytesTotal));
        }
    }
    emit installChanged(job->info.version);
}

void EngineInstaller::removeWorkDirectory(Job *job)
{
    if (!job->workDir.isEmpty() && QFileInfo::exists(job->workDir) && !QDir(job->workDir).removeRecursively())
    {
        qCWarning(lcEngines).noquote() << u"cannot remove %1"_s.arg(job->workDir);
    }
}

void EngineInstaller::removeStaleWorkDirectories()
{
    // Left by an autohost that stopped while installing; nothing else writes these names.
    const QDir engines(m_catalog->enginesDir());
    const QStringList stale = engines.entryList({QLatin1StringView(WorkDirectoryPrefix) + u'*'},
                                                QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : stale)
    {
        qCInfo(lcEngines).noquote() << u"removing an unfinished engine install: %1"_s.arg(
            engines.filePath(name));
        QDir(engines.filePath(name)).removeRecursively();
    }
}
