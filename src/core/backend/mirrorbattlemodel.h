#pragma once

#include <QHash>

#include "backend/mirrorplayermodel.h"
#include "backend/mirrorrowmodel.h"

// The battles table of the admin API (BattleListModel's roles, in its order, so BattleFilterModel filters
// and sorts it alike) with what the views read of BattleListModel: count, activeCount, indexOf and get by
// battle id (with or without braces), and each battle's players, a model that lives as long as the row.
class MirrorBattleModel : public MirrorRowModel
{
    Q_OBJECT
    Q_PROPERTY(int activeCount READ activeCount NOTIFY activeCountChanged)

public:
    static const QList<Column> &columns();

    explicit MirrorBattleModel(QObject *parent = nullptr);

    int activeCount() const { return m_activeCount; }
    // The players of a battle that has a row; null otherwise.
    Q_INVOKABLE MirrorPlayerModel *players(const QString &battleId) const;

signals:
    void activeCountChanged();

protected:
    QString normalizedKey(const QString &key) const override;
    void rowsUpdated() override;

private:
    QHash<QString, MirrorPlayerModel *> m_players; // by battle id
    int m_activeCount = 0;
};
