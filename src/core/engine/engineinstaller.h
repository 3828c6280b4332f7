#pragma once

#include <atomic>
#include <memory>

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QUrl>

#include "engine/enginerelease.h"
#include "engine/filedownload.h"
#include "util/result.h"

class EngineCatalog;
class QNetworkAccessManager;
class QNetworkReply;
struct ExtractSummary;

// Installs engines on demand (autohost/installEngine): looks the version up on the BAR file CDN, downloads
// the archive into a hidden directory under the engines directory (streamed to disk, MD5 checked, retried
// with backoff), extracts it there, checks the dedicated server binary is in it and renames it atomically to
// engines/<version>, where the catalog finds it. One install per version at a time, and a few versions at
// once (others queue); a version the catalog already has is not installed again. A failed install keeps its
// reason until the next attempt or until the version shows up some other way.
class EngineInstaller : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QUrl cdnBaseUrl;
        QString category = EngineRelease::platformCategory();
        int attemptTimeoutMs = 600000; // one download attempt
        int stallTimeoutMs = 60000;    // no byte for this long fails an attempt
        int maxAttempts = 3;
        int backoffBaseMs = 1000; // wait before attempt n+1: base × 2^(n−1)
    };

    enum class Phase
    {
        Queued, // waiting for other installs to finish
        LookingUp,
        Downloading,
        Extracting,
        Failed,
    };
    Q_ENUM(Phase)

    // What the UI shows for a version being installed or whose install failed.
    struct Install
    {
        QString version;
        Phase phase = Phase::LookingUp;
        int attempt = 0;
        qint64 bytesDone = 0;
        qint64 bytesTotal = -1; // -1: not known yet
        QString error;          // why it failed (Phase::Failed)
    };

    enum class Request
    {
        Started,
        AlreadyInstalled,
        AlreadyInstalling,
        InvalidVersion,
    };
    Q_ENUM(Request)

    EngineInstaller(const Settings &settings, EngineCatalog *catalog, QNetworkAccessManager *network,
                    QObject *parent = nullptr);
    ~EngineInstaller() override;

    // Starts installing a version in the background unless it is available or already being installed. A
    // failed install is tried again.
    Request install(const QString &version);
    // What install() would answer now, without starting anything (Started: it would start).
    Request check(const QString &version) const;
    // Installs in progress and failed ones, by version.
    QList<Install> installs() const;
    bool isInstalling(const QString &version) const;
    const Settings &settings() const { return m_settings; }
    // For the attempts that begin from now on.
    void setSettings(const Settings &settings) { m_settings = settings; }

signals:
    // Any change of an install's phase, attempt or progress.
    void installChanged(const QString &version);
    void installed(const QString &version);
    void failed(const QString &version, const QString &reason);

private:
    struct Job;

    void lookUp(Job *job);
    void onLookupFinished(Job *job);
    void download(Job *job);
    void onDownloadFinished(Job *job, const Status &result);
    void retryOrFail(Job *job, FileDownload::Error error, const QString &reason);
    void extract(Job *job);
    void onExtracted(Job *job);
    void finishInstall(Job *job);
    void failJob(Job *job, const QString &reason);
    // The version is in place (installed now or found there): done.
    void completeJob(Job *job);
    void startQueued();
    // Forgets a finished job; its objects are destroyed once control is back in the event loop.
    void retire(Job *job);
    void setPhase(Job *job, Phase phase);
    void reportProgress(Job *job, qint64 done, qint64 total);
    void removeWorkDirectory(Job *job);
    void removeStaleWorkDirectories();

    Settings m_settings;
    EngineCatalog *m_catalog;
    QNetworkAccessManager *m_network;
    QHash<QString, std::shared_ptr<Job>> m_jobs;
    QHash<QString, Install> m_failed;
    QStringList m_queue; // versions waiting to start, first come first served
};
