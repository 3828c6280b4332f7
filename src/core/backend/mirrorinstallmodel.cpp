#include "backend/mirrorinstallmodel.h"

#include "backend/autohostbackend.h"
#include "engine/enginecatalog.h"
#include "logging.h"
#include "models/installlistmodel.h"

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

MirrorInstallModel::MirrorInstallModel(AutohostBackend *backend, const MirrorRowModel *engines,
                                       QObject *parent)
    : MirrorRowModel(columns(), parent)
    , m_backend(backend)
    , m_engines(engines)
{
}

void MirrorInstallModel::install(const QString &version)
{
    if (!m_backend)
    {
        return;
    }
    m_backend->perform(u"installEngine"_s, Json{{"version", toStdString(version)}},
                       [version](const AutohostBackend::Answer &answer)
                       {
                           if (!answer)
                           {
                               qCWarning(lcEngines).noquote()
                                   << u"installing engine %1 was refused: %2"_s.arg(version,
                                                                                    answer.error().details);
                           }
                       });
}

bool MirrorInstallModel::retry(const QString &version)
{
    const int row = indexOf(version);
    if (row < 0 || value(row, "phase").toString() != u"failed")
    {
        return false;
    }
    install(version);
    return true;
}

QString MirrorInstallModel::validateVersion(const QString &version) const
{
    // The installer's check, from what is known here: a failed install may be tried again.
    const int row = indexOf(version);
    const EngineInstaller::Request check =
        !EngineCatalog::isValidVersion(version) ? EngineInstaller::Request::InvalidVersion
        : row >= 0 && value(row, "phase").toString() != u"failed"
            ? EngineInstaller::Request::AlreadyInstalling
        : m_engines && m_engines->indexOf(version) >= 0 ? EngineInstaller::Request::AlreadyInstalled
                                                        : EngineInstaller::Request::Started;
    return InstallListModel::versionProblem(version, check);
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
