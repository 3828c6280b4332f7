#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QList>
#include <QVariant>

#include "protocol/json.h"

// A table of the admin API's JSON (docs/admin-api.md) as a list model: rows are objects keyed by their first
// column (a battle id, a user id, an engine version), roles are the columns in order from Qt::UserRole + 1,
// named as the members, with the types of the desktop app's own models (times as QDateTime, counts as int,
// sizes as qint64), so that a view cannot tell it from the model the table was made from. Rows change in
// place when their key is kept: a view keeps its selection and delegates across updates.
class MirrorRowModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum class Kind
    {
        Text,
        Int,
        Int64,
        Double, // null: NaN (what a non-finite number was sent as)
        Bool,
        Time, // ISO 8601 text; null: an invalid QDateTime
    };

    struct Column
    {
        QByteArray name;
        Kind kind;
    };

    // columns: at least one; the first holds the key.
    explicit MirrorRowModel(const QList<Column> &columns, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    // The row of a key, or -1.
    Q_INVOKABLE int indexOf(const QString &key) const;
    // Every role of a row by its name; empty for a row that does not exist.
    Q_INVOKABLE QVariantMap get(int row) const;
    QString keyAt(int row) const;
    // A row's value of the column of that name; invalid when either does not exist.
    QVariant value(int row, const QByteArray &name) const;

    // The table becomes these rows (a JSON array of objects), in their order: rows of kept keys change in
    // place (or move), the others are removed or inserted.
    void replaceRows(const Json &rows);
    // Rows of known keys change in place, new ones are appended.
    void upsertRows(const Json &rows);
    // false when there is no row of that key.
    bool removeKey(const QString &key);

    // A member's value as a role of that kind; a missing or mistyped one is the kind's empty value.
    static QVariant toValue(const Json &value, Kind kind);

signals:
    void countChanged();

protected:
    // The key a caller's text stands for (e.g. a battle id with braces); the text itself by default.
    virtual QString normalizedKey(const QString &key) const { return key; }
    // Called after every change of the rows, e.g. to update counts derived from them.
    virtual void rowsUpdated() {}
    // The index of a column by name, or -1.
    int column(const QByteArray &name) const;

private:
    QVariantList values(const Json &object) const;
    void setRow(int row, QVariantList values);
    void insertRow(int row, QVariantList values);

    QList<Column> m_columns;
    QList<QVariantList> m_rows;
};
