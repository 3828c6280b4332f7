#include "rowvalues.h"

#include <QAbstractItemModel>

QVariantMap rowValues(const QAbstractItemModel &model, int row)
{
    QVariantMap values;
    if (row < 0 || row >= model.rowCount())
    {
        return values;
    }
    const QHash<int, QByteArray> names = model.roleNames();
    const QModelIndex index = model.index(row, 0);
    for (auto it = names.cbegin(); it != names.cend(); ++it)
    {
        values.insert(QString::fromLatin1(it.value()), model.data(index, it.key()));
    }
    return values;
}
