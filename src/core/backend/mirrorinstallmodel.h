#pragma once

#include "backend/mirrorrowmodel.h"

// The engine installs of the admin API (InstallListModel's roles, in its order) with its count and
// activeCount.
class MirrorInstallModel : public MirrorRowModel
{
    Q_OBJECT
    Q_PROPERTY(int activeCount READ activeCount NOTIFY activeCountChanged)

public:
    static const QList<Column> &columns();

    explicit MirrorInstallModel(QObject *parent = nullptr);

    // Installs that are not failed.
    int activeCount() const { return m_activeCount; }

signals:
    void activeCountChanged();

protected:
    void rowsUpdated() override;

private:
    int m_activeCount = 0;
};
