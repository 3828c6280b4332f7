#pragma once

#include <QAbstractListModel>
#include <QList>

#include "engine/engineinstaller.h"

// Engine installs that are queued, running or failed (EngineInstaller::installs()), sorted by version. A row
// goes away when its engine is installed; a failed one stays, with its error, until it is tried again or the
// version appears some other way.
class InstallListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int activeCount READ activeCount NOTIFY activeCountChanged)

public:
    enum Role
    {
        VersionRole = Qt::UserRole + 1,
        PhaseRole,       // "queued", "lookingUp", "downloading", "extracting" or "failed"
        ProgressRole,    // 0..1 of the current phase, or -1 while its total is unknown
        BytesDoneRole,   // of the current phase
        BytesTotalRole,  // -1: unknown
        AttemptRole,     // download attempt, from 1 (0 before the first)
        MaxAttemptsRole, // download attempts allowed
        ErrorRole,       // why it failed; empty unless failed
    };
    Q_ENUM(Role)

    explicit InstallListModel(EngineInstaller *installer, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Installs that are not failed.
    int activeCount() const;

    // Why a version cannot be installed, from what the installer's check answered for it, in a few
    // (translated) words, or empty when it can: "empty", "not a valid engine version", "already available",
    // "already being installed".
    static QString versionProblem(const QString &version, EngineInstaller::Request check);

    static QString phaseName(EngineInstaller::Phase phase);
    // The fraction of an install's current phase that is done, or -1 when its total is not known.
    static double progress(const EngineInstaller::Install &install);

signals:
    void countChanged();
    void activeCountChanged();

private:
    void updateInstall(const QString &version);
    int rowOf(const QString &version) const;

    EngineInstaller *m_installer;
    QList<EngineInstaller::Install> m_installs;
};
