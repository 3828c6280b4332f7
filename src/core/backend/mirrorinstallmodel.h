#pragma once

#include <QPointer>

#include "backend/mirrorrowmodel.h"

class AutohostBackend;

// The engine installs of the admin API (InstallListModel's roles, in its order) with what the views use of
// InstallListModel: count, activeCount, and the install requests (installEngine through the backend) with
// the check of a version before it is requested, against the engines and installs the mirror knows.
class MirrorInstallModel : public MirrorRowModel
{
    Q_OBJECT
    Q_PROPERTY(int activeCount READ activeCount NOTIFY activeCountChanged)

public:
    static const QList<Column> &columns();

    // backend: where install requests go (none without); engines: the engines table, for the check.
    MirrorInstallModel(AutohostBackend *backend, const MirrorRowModel *engines, QObject *parent = nullptr);

    // Installs that are not failed.
    int activeCount() const { return m_activeCount; }

    // Asks the autohost to install a version; its progress shows in the rows.
    Q_INVOKABLE void install(const QString &version);
    // Tries a failed install again; false when the version has no failed install.
    Q_INVOKABLE bool retry(const QString &version);
    // Why a version cannot be installed, in a few (translated) words, or empty when it can (as
    // InstallListModel::versionProblem).
    Q_INVOKABLE QString validateVersion(const QString &version) const;

signals:
    void activeCountChanged();

protected:
    void rowsUpdated() override;

private:
    QPointer<AutohostBackend> m_backend;
    QPointer<const MirrorRowModel> m_engines;
    int m_activeCount = 0;
};
