#include "backend/mirrorinstallmodel.h"

using namespace Qt::Literals::StringLiterals;

const QList<MirrorRowModel::Column> &MirrorInstallModel::columns()
{
    static const QList<Column> columns = {
        {"version", Kind::Text},    {"phase", Kind::Text},       {"progress", Kind::Double},
        {"bytesDone", Kind::Int64}, {"bytesTotal", Kind::Int64}, {"attempt", Kind::Int},
        {"maxAttempts", Kind::Int}, {"error", Kind::Text},
    };
    return columns;
}

MirrorInstallModel::MirrorInstallModel(QObject *parent)
    : MirrorRowModel(columns(), parent)
{
}

void MirrorInstallModel::rowsUpdated()
{
    int active = 0;
    for (int row = 0; row < count(); ++row)
    {
        active += value(row, "phase").toString() != u"failed" ? 1 : 0;
    }
    if (active != m_activeCount)
    {
        m_activeCount = active;
        emit activeCountChanged();
    }
}
