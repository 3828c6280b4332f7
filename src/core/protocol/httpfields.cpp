#include "protocol/httpfields.h"

namespace HttpFields
{
QByteArrayView trimmed(QByteArrayView value)
{
    while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
    {
        value = value.sliced(1);
    }
    while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
    {
        value.chop(1);
    }
    return value;
}

bool listHasToken(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty())
    {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView item = comma < 0 ? list : list.first(comma);
        if (trimmed(item).compare(token, Qt::CaseInsensitive) == 0)
        {
            return true;
        }
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
    }
    return false;
}
} // namespace HttpFields
