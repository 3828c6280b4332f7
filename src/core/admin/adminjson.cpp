#include "admin/adminjson.h"

#include <algorithm>
#include <cmath>

#include <QAbstractItemModel>

#include "logrecorder.h"

Json AdminJson::value(const QVariant &value)
{
    switch (value.typeId())
    {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return nullptr;
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return value.toLongLong();
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        return value.toULongLong();
    case QMetaType::Double:
    case QMetaType::Float:
    {
        const double number = value.toDouble();
        return std::isfinite(number) ? Json(number) : Json(nullptr);
    }
    case QMetaType::QDateTime:
        return time(value.toDateTime());
    case QMetaType::QStringList:
    case QMetaType::QVariantList:
    {
        Json array = Json::array();
        for (const QVariant &item : value.toList())
        {
            array.push_back(AdminJson::value(item));
        }
        return array;
    }
    case QMetaType::QVariantMap:
    {
        Json object = Json::object();
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
        {
            object[toStdString(it.key())] = AdminJson::value(it.value());
        }
        return object;
    }
    default:
        return value.canConvert<QString>() ? Json(toStdString(value.toString())) : Json(nullptr);
    }
}

Json AdminJson::time(const QDateTime &time)
{
    if (!time.isValid())
    {
        return nullptr;
    }
    return toStdString(time.toUTC().toString(Qt::ISODateWithMs));
}

Json AdminJson::row(const QAbstractItemModel &model, int row)
{
    const QHash<int, QByteArray> names = model.roleNames();
    QList<int> roles = names.keys();
    std::sort(roles.begin(), roles.end());
    const QModelIndex index = model.index(row, 0);
    Json object = Json::object();
    for (const int role : std::as_const(roles))
    {
        object[names.value(role).toStdString()] = value(model.data(index, role));
    }
    return object;
}

Json AdminJson::rows(const QAbstractItemModel &model)
{
    Json array = Json::array();
    for (int i = 0; i < model.rowCount(); ++i)
    {
        array.push_back(row(model, i));
    }
    return array;
}

Json AdminJson::logRecord(const LogRecord &record)
{
    Json object = Json::object();
    object["sequence"] = record.sequence;
    object["timeMs"] = record.timeMsecs;
    object["level"] = toStdString(LogRecord::levelText(record.level));
    object["category"] = toStdString(record.category);
    object["message"] = toStdString(record.message);
    return object;
}
