#include "backend/mirrorrowmodel.h"

#include <QDateTime>
#include <QSet>

#include "models/rowvalues.h"

namespace
{
constexpr int FirstRole = Qt::UserRole + 1;

QString keyOf(const Json &row, const QByteArray &keyName)
{
    if (!row.is_object())
    {
        return {};
    }
    const auto key = row.find(keyName.toStdString());
    return key != row.end() && key->is_string() ? toQString(key->get<std::string>()) : QString();
}
} // namespace

MirrorRowModel::MirrorRowModel(const QList<Column> &columns, QObject *parent)
    : QAbstractListModel(parent)
    , m_columns(columns)
{
    Q_ASSERT(!m_columns.isEmpty());
}

int MirrorRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MirrorRowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const int column = role - FirstRole;
    return column >= 0 && column < m_columns.size() ? m_rows.at(index.row()).at(column) : QVariant();
}

QHash<int, QByteArray> MirrorRowModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (qsizetype column = 0; column < m_columns.size(); ++column)
    {
        names.insert(FirstRole + int(column), m_columns.at(column).name);
    }
    return names;
}

int MirrorRowModel::indexOf(const QString &key) const
{
    const QString normalized = normalizedKey(key);
    for (qsizetype row = 0; row < m_rows.size(); ++row)
    {
        if (m_rows.at(row).front().toString() == normalized)
        {
            return int(row);
        }
    }
    return -1;
}

QVariantMap MirrorRowModel::get(int row) const
{
    return rowValues(*this, row);
}

QString MirrorRowModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).front().toString() : QString();
}

QVariant MirrorRowModel::value(int row, const QByteArray &name) const
{
    const int index = column(name);
    return row >= 0 && row < m_rows.size() && index >= 0 ? m_rows.at(row).at(index) : QVariant();
}

int MirrorRowModel::column(const QByteArray &name) const
{
    for (qsizetype column = 0; column < m_columns.size(); ++column)
    {
        if (m_columns.at(column).name == name)
        {
            return int(column);
        }
    }
    return -1;
}

QVariant MirrorRowModel::toValue(const Json &value, Kind kind)
{
    switch (kind)
    {
    case Kind::Text:
        return value.is_string() ? toQString(value.get<std::string>()) : QString();
    case Kind::Int:
        return value.is_number() ? int(value.get<qint64>()) : 0;
    case Kind::Int64:
        return value.is_number() ? value.get<qint64>() : qint64(0);
    case Kind::Double:
        return value.is_number() ? value.get<double>() : qQNaN();
    case Kind::Bool:
        return value.is_boolean() ? value.get<bool>() : false;
    case Kind::Time:
        return value.is_string()
                   ? QDateTime::fromString(toQString(value.get<std::string>()), Qt::ISODateWithMs)
                   : QDateTime();
    }
    return {};
}

QVariantList MirrorRowModel::values(const Json &object) const
{
    QVariantList values;
    values.reserve(m_columns.size());
    for (const Column &column : m_columns)
    {
        const auto member = object.find(column.name.toStdString());
        values.append(toValue(member != object.end() ? *member : Json(), column.kind));
    }
    return values;
}

void MirrorRowModel::setRow(int row, QVariantList values)
{
    QList<int> changed;
    QVariantList &current = m_rows[row];
    for (qsizetype column = 0; column < values.size(); ++column)
    {
        // QVariant's == tells NaN from NaN: a cpuPercent that stays unknown is no change.
        const QVariant &before = current.at(column);
        const QVariant &after = values.at(column);
        const bool bothNaN = m_columns.at(column).kind == Kind::Double && qIsNaN(before.toDouble()) &&
                             qIsNaN(after.toDouble());
        if (!bothNaN && before != after)
        {
            changed.append(FirstRole + int(column));
        }
    }
    current = std::move(values);
    if (!changed.isEmpty())
    {
        emit dataChanged(index(row), index(row), changed);
    }
}

void MirrorRowModel::insertRow(int row, QVariantList values)
{
    beginInsertRows(QModelIndex(), row, row);
    m_rows.insert(row, std::move(values));
    endInsertRows();
}

void MirrorRowModel::replaceRows(const Json &rows)
{
    const int countBefore = count();
    QStringList keys;
    QList<QVariantList> incoming;
    QSet<QString> seen;
    for (const Json &row : arrayOrEmpty(rows))
    {
        const QString key = keyOf(row, m_columns.front().name);
        if (!key.isEmpty() && !seen.contains(key))
        {
            seen.insert(key);
            keys.append(key);
            incoming.append(values(row));
        }
    }
    for (int row = count() - 1; row >= 0; --row)
    {
        if (!seen.contains(keyAt(row)))
        {
            beginRemoveRows(QModelIndex(), row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < keys.size(); ++row)
    {
        const int found = keyAt(row) == keys.at(row) ? row : indexOf(keys.at(row));
        if (found < 0)
        {
            insertRow(row, std::move(incoming[row]));
            continue;
        }
        if (found != row)
        {
            // Only rows after this one are not in place yet: found > row.
            beginMoveRows(QModelIndex(), found, found, QModelIndex(), row);
            m_rows.move(found, row);
            endMoveRows();
        }
        setRow(row, std::move(incoming[row]));
    }
    if (count() != countBefore)
    {
        emit countChanged();
    }
    rowsUpdated();
}

void MirrorRowModel::upsertRows(const Json &rows)
{
    const int countBefore = count();
    for (const Json &row : arrayOrEmpty(rows))
    {
        const QString key = keyOf(row, m_columns.front().name);
        if (key.isEmpty())
        {
            continue;
        }
        if (const int found = indexOf(key); found >= 0)
        {
            setRow(found, values(row));
        }
        else
        {
            insertRow(count(), values(row));
        }
    }
    if (count() != countBefore)
    {
        emit countChanged();
    }
    rowsUpdated();
}

bool MirrorRowModel::removeKey(const QString &key)
{
    const int row = indexOf(key);
    if (row < 0)
    {
        return false;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    emit countChanged();
    rowsUpdated();
    return true;
}
