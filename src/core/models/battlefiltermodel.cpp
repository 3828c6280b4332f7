#include "models/battlefiltermodel.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace
{
bool isIntegral(const QVariant &value)
{
    switch (value.typeId())
    {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return true;
    default:
        return false;
    }
}

bool isNumber(const QVariant &value)
{
    return isIntegral(value) || value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float;
}
} // namespace

BattleFilterModel::BattleFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &BattleFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &BattleFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &BattleFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &BattleFilterModel::countChanged);
}

void BattleFilterModel::setSourceModel(QAbstractItemModel *source)
{
    // Another source may number its roles differently; the filter needs them while the base class resets.
    m_roles.clear();
    if (source)
    {
        const QHash<int, QByteArray> names = source->roleNames();
        for (auto it = names.cbegin(); it != names.cend(); ++it)
        {
            m_roles.insert(QString::fromUtf8(it.value()), it.key());
        }
    }
    QSortFilterProxyModel::setSourceModel(source);
    applySort();
}

int BattleFilterModel::roleOf(const QString &name) const
{
    return m_roles.value(name, -1);
}

void BattleFilterModel::setFilterText(const QString &text)
{
    if (text != m_filterText)
    {
        m_filterText = text;
        invalidateFilter();
        emit filterTextChanged();
    }
}

void BattleFilterModel::setStateFilter(const QString &filter)
{
    if (filter != m_stateFilter)
    {
        m_stateFilter = filter;
        invalidateFilter();
        emit stateFilterChanged();
    }
}

void BattleFilterModel::setSortRoleName(const QString &roleName)
{
    if (roleName != m_sortRoleName)
    {
        m_sortRoleName = roleName;
        applySort();
        emit sortRoleNameChanged();
    }
}

void BattleFilterModel::setSortAscending(bool ascending)
{
    if (ascending != m_sortAscending)
    {
        m_sortAscending = ascending;
        applySort();
        emit sortAscendingChanged();
    }
}

void BattleFilterModel::sortBy(const QString &roleName)
{
    if (roleName == m_sortRoleName)
    {
        setSortAscending(!m_sortAscending);
        return;
    }
    const bool orderChanges = !m_sortAscending;
    m_sortRoleName = roleName;
    m_sortAscending = true;
    applySort();
    emit sortRoleNameChanged();
    if (orderChanges)
    {
        emit sortAscendingChanged();
    }
}

void BattleFilterModel::applySort()
{
    const int role = roleOf(m_sortRoleName);
    if (role < 0)
    {
        // Column -1 restores the source order.
        sort(-1);
        return;
    }
    setSortRole(role);
    sort(0, m_sortAscending ? Qt::AscendingOrder : Qt::DescendingOrder);
}

bool BattleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_stateFilter == u"active" || m_stateFilter == u"ended")
    {
        const bool active = index.data(roleOf(u"active"_s)).toBool();
        if (active != (m_stateFilter == u"active"))
        {
            return false;
        }
    }
    if (m_filterText.isEmpty())
    {
        return true;
    }
    for (const QString &name :
         {u"battleId"_s, u"engineVersion"_s, u"gameName"_s, u"mapName"_s, u"battleState"_s})
    {
        if (index.data(roleOf(name)).toString().contains(m_filterText, Qt::CaseInsensitive))
        {
            return true;
        }
    }
    return false;
}

bool BattleFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (isIntegral(a) && isIntegral(b))
    {
        return a.toLongLong() < b.toLongLong();
    }
    if (isNumber(a) && isNumber(b))
    {
        return a.toDouble() < b.toDouble();
    }
    if (a.typeId() == QMetaType::QDateTime && b.typeId() == QMetaType::QDateTime)
    {
        const QDateTime first = a.toDateTime();
        const QDateTime second = b.toDateTime();
        // Invalid (unknown) dates sort first.
        if (!first.isValid() || !second.isValid())
        {
            return !first.isValid() && second.isValid();
        }
        return first < second;
    }
    return a.toString().compare(b.toString(), Qt::CaseInsensitive) < 0;
}
