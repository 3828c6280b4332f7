#pragma once

#include <QVariantMap>

class QAbstractItemModel;

// One row of a list model as {role name: value}, for QML's model.get(row); empty for a row out of range.
QVariantMap rowValues(const QAbstractItemModel &model, int row);
