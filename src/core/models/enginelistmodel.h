#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QUuid>

#include "engine/enginecatalog.h"

class Battle;
class BattleManager;

// The engines this autohost can run (EngineCatalog), sorted by version, with how many of the current battles
// use each. Follows the catalog row by row: engines that appear are inserted, engines that go are removed,
// and an engine that moves (e.g. installed where it was only an extra one) changes in place.
class EngineListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        VersionRole = Qt::UserRole + 1,
        OriginRole,       // "installed", "extra" or "system"
        PathRole,         // the dedicated server binary
        DirectoryRole,    // the directory holding it
        BattlesUsingRole, // battles on this version from their start request until their engine has exited
    };
    Q_ENUM(Role)

    // battles may be null: then no battle uses any engine.
    EngineListModel(EngineCatalog *catalog, BattleManager *battles, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString originName(EngineCatalog::Origin origin);

signals:
    void countChanged();

private:
    void updateEngines();
    void addBattle(Battle *battle);
    void removeBattle(const QUuid &battleId);
    void battleCountChanged(const QString &version);
    int rowOf(const QString &version) const;

    EngineCatalog *m_catalog;
    QList<EngineCatalog::Engine> m_engines;
    QHash<QUuid, QString> m_battleVersions; // engine version of every current battle
    QHash<QString, int> m_battlesUsing;
};
