#pragma once

#include <QHash>
#include <QSortFilterProxyModel>

// Filtering and sorting of the battles table for the view: a case-insensitive text filter on battle id,
// engine, game, map and state, a state filter (all, active, ended) and sorting by a role name. Numbers sort
// as numbers, dates as dates, strings case-insensitively; roles are found by name, so any source with the
// BattleListModel's role names works.
class BattleFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(QString stateFilter READ stateFilter WRITE setStateFilter NOTIFY stateFilterChanged)
    Q_PROPERTY(QString sortRoleName READ sortRoleName WRITE setSortRoleName NOTIFY sortRoleNameChanged)
    Q_PROPERTY(bool sortAscending READ sortAscending WRITE setSortAscending NOTIFY sortAscendingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit BattleFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    // "all" (the default), "active" or "ended"; other values are treated as "all".
    QString stateFilter() const { return m_stateFilter; }
    void setStateFilter(const QString &filter);
    // Empty (the default): the source order.
    QString sortRoleName() const { return m_sortRoleName; }
    void setSortRoleName(const QString &roleName);
    bool sortAscending() const { return m_sortAscending; }
    void setSortAscending(bool ascending);
    int count() const { return rowCount(); }
    void setSourceModel(QAbstractItemModel *source) override;

    // Sorts by a role; the same role again reverses the order, another one starts ascending.
    Q_INVOKABLE void sortBy(const QString &roleName);

signals:
    void filterTextChanged();
    void stateFilterChanged();
    void sortRoleNameChanged();
    void sortAscendingChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int roleOf(const QString &name) const;
    void applySort();

    QHash<QString, int> m_roles; // the source's role numbers by name
    QString m_filterText;
    QString m_stateFilter = QStringLiteral("all");
    QString m_sortRoleName;
    bool m_sortAscending = true;
};
