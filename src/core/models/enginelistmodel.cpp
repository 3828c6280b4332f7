#include "models/enginelistmodel.h"

#include <QFileInfo>

#include "battles/battlemanager.h"

using namespace Qt::Literals::StringLiterals;

EngineListModel::EngineListModel(EngineCatalog *catalog, BattleManager *battles, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(catalog)
    , m_engines(catalog->engines())
{
    connect(catalog, &EngineCatalog::versionsChanged, this, &EngineListModel::updateEngines);
    if (battles)
    {
        const QList<Battle *> current = battles->battles();
        for (Battle *battle : current)
        {
            addBattle(battle);
        }
        connect(battles, &BattleManager::battleAdded, this, &EngineListModel::addBattle);
        connect(battles, &BattleManager::battleRemoved, this, &EngineListModel::removeBattle);
    }
}

int EngineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_engines.size());
}

QVariant EngineListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const EngineCatalog::Engine &engine = m_engines.at(index.row());
    switch (role)
    {
    case Qt::DisplayRole:
    case VersionRole:
        return engine.version;
    case OriginRole:
        return originName(engine.origin);
    case PathRole:
        return engine.dedicatedServerPath;
    case DirectoryRole:
        return QFileInfo(engine.dedicatedServerPath).absolutePath();
    case BattlesUsingRole:
        return m_battlesUsing.value(engine.version);
    default:
        return {};
    }
}

QHash<int, QByteArray> EngineListModel::roleNames() const
{
    return {
        {VersionRole, "version"},
        {OriginRole, "origin"},
        {PathRole, "path"},
        {DirectoryRole, "directory"},
        {BattlesUsingRole, "battlesUsing"},
    };
}

QString EngineListModel::originName(EngineCatalog::Origin origin)
{
    switch (origin)
    {
    case EngineCatalog::Origin::Installed:
        return u"installed"_s;
    case EngineCatalog::Origin::Extra:
        return u"extra"_s;
    case EngineCatalog::Origin::System:
        return u"system"_s;
    }
    return {};
}

void EngineListModel::updateEngines()
{
    // Both lists are sorted by version, the catalog's order: remove what went, then walk both in step.
    const QList<EngineCatalog::Engine> engines = m_catalog->engines();
    const int before = int(m_engines.size());
    for (int row = int(m_engines.size()) - 1; row >= 0; --row)
    {
        const QString &version = m_engines.at(row).version;
        const bool kept =
            std::any_of(engines.cbegin(), engines.cend(),
                        [&version](const EngineCatalog::Engine &e) { return e.version == version; });
        if (!kept)
        {
            beginRemoveRows(QModelIndex(), row, row);
            m_engines.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < int(engines.size()); ++row)
    {
        const EngineCatalog::Engine &engine = engines.at(row);
        if (row < int(m_engines.size()) && m_engines.at(row).version == engine.version)
        {
            if (m_engines.at(row) != engine)
            {
                m_engines[row] = engine;
                emit dataChanged(index(row), index(row), {OriginRole, PathRole, DirectoryRole});
            }
            continue;
        }
        beginInsertRows(QModelIndex(), row, row);
        m_engines.insert(row, engine);
        endInsertRows();
    }
    if (m_engines.size() != before)
    {
        emit countChanged();
    }
}

void EngineListModel::addBattle(Battle *battle)
{
    const QString version = battle->request().engineVersion;
    m_battleVersions.insert(battle->id(), version);
    ++m_battlesUsing[version];
    battleCountChanged(version);
}

void EngineListModel::removeBattle(const QUuid &battleId)
{
    const auto found = m_battleVersions.constFind(battleId);
    if (found == m_battleVersions.cend())
    {
        return;
    }
    const QString version = *found;
    m_battleVersions.erase(found);
    if (--m_battlesUsing[version] <= 0)
    {
        m_battlesUsing.remove(version);
    }
    battleCountChanged(version);
}

void EngineListModel::battleCountChanged(const QString &version)
{
    if (const int row = rowOf(version); row >= 0)
    {
        emit dataChanged(index(row), index(row), {BattlesUsingRole});
    }
}

int EngineListModel::rowOf(const QString &version) const
{
    for (int row = 0; row < int(m_engines.size()); ++row)
    {
        if (m_engines.at(row).version == version)
        {
            return row;
        }
    }
    return -1;
}
