#include "models/installlistmodel.h"

using namespace Qt::Literals::StringLiterals;

InstallListModel::InstallListModel(EngineInstaller *installer, QObject *parent)
    : QAbstractListModel(parent)
    , m_installer(installer)
    , m_installs(installer->installs())
{
    connect(installer, &EngineInstaller::installChanged, this, &InstallListModel::updateInstall);
}

int InstallListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_installs.size());
}

QVariant InstallListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const EngineInstaller::Install &install = m_installs.at(index.row());
    switch (role)
    {
    case Qt::DisplayRole:
    case VersionRole:
        return install.version;
    case PhaseRole:
        return phaseName(install.phase);
    case ProgressRole:
        return progress(install);
    case BytesDoneRole:
        return install.bytesDone;
    case BytesTotalRole:
        return install.bytesTotal;
    case AttemptRole:
        return install.attempt;
    case MaxAttemptsRole:
        return m_installer->settings().maxAttempts;
    case ErrorRole:
        return install.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> InstallListModel::roleNames() const
{
    return {
        {VersionRole, "version"},         {PhaseRole, "phase"},           {ProgressRole, "progress"},
        {BytesDoneRole, "bytesDone"},     {BytesTotalRole, "bytesTotal"}, {AttemptRole, "attempt"},
        {MaxAttemptsRole, "maxAttempts"}, {ErrorRole, "error"},
    };
}

int InstallListModel::activeCount() const
{
    return int(std::count_if(m_installs.cbegin(), m_installs.cend(),
                             [](const EngineInstaller::Install &install)
                             { return install.phase != EngineInstaller::Phase::Failed; }));
}

QString InstallListModel::versionProblem(const QString &version, EngineInstaller::Request check)
{
    if (version.isEmpty())
    {
        return tr("empty");
    }
    switch (check)
    {
    case EngineInstaller::Request::Started:
        return {};
    case EngineInstaller::Request::AlreadyInstalled:
        return tr("already available");
    case EngineInstaller::Request::AlreadyInstalling:
        return tr("already being installed");
    case EngineInstaller::Request::InvalidVersion:
        return tr("not a valid engine version");
    }
    return {};
}

QString InstallListModel::phaseName(EngineInstaller::Phase phase)
{
    switch (phase)
    {
    case EngineInstaller::Phase::Queued:
        return u"queued"_s;
    case EngineInstaller::Phase::LookingUp:
        return u"lookingUp"_s;
    case EngineInstaller::Phase::Downloading:
        return u"downloading"_s;
    case EngineInstaller::Phase::Extracting:
        return u"extracting"_s;
    case EngineInstaller::Phase::Failed:
        return u"failed"_s;
    }
    return {};
}

double InstallListModel::progress(const EngineInstaller::Install &install)
{
    if (install.bytesTotal <= 0)
    {
        return -1;
    }
    return std::clamp(double(install.bytesDone) / double(install.bytesTotal), 0.0, 1.0);
}

void InstallListModel::updateInstall(const QString &version)
{
    const QList<EngineInstaller::Install> installs = m_installer->installs();
    const auto found =
        std::find_if(installs.cbegin(), installs.cend(),
                     [&version](const EngineInstaller::Install &i) { return i.version == version; });
    const int row = rowOf(version);
    const int active = activeCount();
    if (found == installs.cend())
    {
        if (row < 0)
        {
            return;
        }
        beginRemoveRows(QModelIndex(), row, row);
        m_installs.removeAt(row);
        endRemoveRows();
        emit countChanged();
    }
    else if (row >= 0)
    {
        m_installs[row] = *found;
        emit dataChanged(index(row), index(row));
    }
    else
    {
        const auto position = std::lower_bound(m_installs.cbegin(), m_installs.cend(), version,
                                               [](const EngineInstaller::Install &install, const QString &v)
                                               { return install.version < v; });
        const int inserted = int(position - m_installs.cbegin());
        beginInsertRows(QModelIndex(), inserted, inserted);
        m_installs.insert(inserted, *found);
        endInsertRows();
        emit countChanged();
    }
    if (activeCount() != active)
    {
        emit activeCountChanged();
    }
}

int InstallListModel::rowOf(const QString &version) const
{
    for (int row = 0; row < int(m_installs.size()); ++row)
    {
        if (m_installs.at(row).version == version)
        {
            return row;
        }
    }
    return -1;
}
