#include "backend/fleet.h"

#include "backend/autohostbackend.h"
#include "backend/hostmirror.h"

using namespace Qt::Literals::StringLiterals;

Fleet::Fleet(QObject *parent)
    : QAbstractListModel(parent)
{
}

Fleet::~Fleet()
{
    // The mirrors go before their backends, whose destruction would otherwise reach them.
    for (const Host &host : std::as_const(m_hosts))
    {
        delete host.mirror;
        delete host.backend;
    }
}

int Fleet::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

QHash<int, QByteArray> Fleet::roleNames() const
{
    return {{NameRole, "name"},
            {AddressRole, "address"},
            {InProcessRole, "inProcess"},
            {LinkStateRole, "linkState"},
            {LinkErrorRole, "linkError"},
            {ReadyRole, "ready"},
            {LobbyStateRole, "lobbyState"},
            {ServerAddressRole, "serverAddress"},
            {LocalModeRole, "localMode"},
            {CurrentBattlesRole, "currentBattles"},
            {MaxBattlesRole, "maxBattles"},
            {DrainingRole, "draining"},
            {CrashedBattlesRole, "crashedBattles"},
            {FailedInstallsRole, "failedInstalls"},
            {AlertCountRole, "alertCount"}};
}

QString Fleet::linkStateName(int state)
{
    switch (AutohostBackend::LinkState(state))
    {
    case AutohostBackend::LinkState::Detached:
        return u"detached"_s;
    case AutohostBackend::LinkState::Connecting:
        return u"connecting"_s;
    case AutohostBackend::LinkState::Attached:
        return u"attached"_s;
    case AutohostBackend::LinkState::Unauthorized:
        return u"unauthorized"_s;
    case AutohostBackend::LinkState::Unreachable:
        return u"unreachable"_s;
    }
    return {};
}

int Fleet::battlesInState(const HostMirror *mirror, const QString &state)
{
    const MirrorBattleModel *battles = mirror->battles();
    int count = 0;
    for (int row = 0; row < battles->count(); ++row)
    {
        count += battles->value(row, "battleState").toString() == state ? 1 : 0;
    }
    return count;
}

int Fleet::failedInstalls(const HostMirror *mirror)
{
    // An install row that is not under way has failed (it stays until tried again).
    return mirror->installs()->count() - mirror->installs()->activeCount();
}

QVariant Fleet::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const Host &host = m_hosts.at(index.row());
    const HostMirror *mirror = host.mirror;
    switch (Role(role))
    {
    case NameRole:
        return host.name;
    case AddressRole:
        return host.address;
    case InProcessRole:
        return host.inProcess;
    case LinkStateRole:
        return linkStateName(int(host.backend->linkState()));
    case LinkErrorRole:
        return host.backend->linkError();
    case ReadyRole:
        return mirror->ready();
    case LobbyStateRole:
        return mirror->connectionState();
    case ServerAddressRole:
        return mirror->serverAddress();
    case LocalModeRole:
        return mirror->localMode();
    case CurrentBattlesRole:
        return mirror->currentBattles();
    case MaxBattlesRole:
        return mirror->maxBattles();
    case DrainingRole:
        return mirror->draining();
    case CrashedBattlesRole:
        return battlesInState(mirror, u"crashed"_s);
    case FailedInstallsRole:
        return failedInstalls(mirror);
    case AlertCountRole:
        return battlesInState(mirror, u"crashed"_s) + failedInstalls(mirror);
    }
    return {};
}

QVariantMap Fleet::get(int row) const
{
    QVariantMap values;
    if (row < 0 || row >= count())
    {
        return values;
    }
    const QHash<int, QByteArray> names = roleNames();
    for (auto name = names.cbegin(); name != names.cend(); ++name)
    {
        values.insert(QString::fromLatin1(name.value()), data(index(row), name.key()));
    }
    return values;
}

int Fleet::add(const QString &name, const QString &address, AutohostBackend *backend, bool inProcess)
{
    const int row = count();
    beginInsertRows({}, row, row);
    backend->setParent(this);
    Host host{name, address, inProcess, backend, new HostMirror(backend, this)};
    m_hosts.append(host);
    endInsertRows();
    emit countChanged();
    follow(host);
    backend->attach();
    return row;
}

void Fleet::follow(const Host &host)
{
    HostMirror *mirror = host.mirror;
    const auto changed = [this, mirror]
    {
        rowChanged(mirror);
    };
    connect(host.backend, &AutohostBackend::linkStateChanged, mirror, changed);
    for (const auto signal : {&HostMirror::readyChanged, &HostMirror::hostChanged,
                              &HostMirror::connectionChanged, &HostMirror::capacityChanged})
    {
        connect(mirror, signal, this, changed);
    }
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(mirror->battles()),
                                      static_cast<QAbstractItemModel *>(mirror->installs())})
    {
        connect(model, &QAbstractItemModel::dataChanged, this, changed);
        connect(model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(model, &QAbstractItemModel::modelReset, this, changed);
    }
}

void Fleet::rowChanged(const HostMirror *mirror)
{
    if (const int row = indexOf(mirror); row >= 0)
    {
        emit dataChanged(index(row), index(row));
    }
}

void Fleet::remove(int row)
{
    if (row < 0 || row >= count())
    {
        return;
    }
    beginRemoveRows({}, row, row);
    const Host host = m_hosts.takeAt(row);
    endRemoveRows();
    emit countChanged();
    host.backend->detach();
    delete host.mirror;
    delete host.backend;
}

HostMirror *Fleet::mirror(int row) const
{
    return row >= 0 && row < count() ? m_hosts.at(row).mirror : nullptr;
}

AutohostBackend *Fleet::backend(int row) const
{
    return row >= 0 && row < count() ? m_hosts.at(row).backend : nullptr;
}

QString Fleet::name(int row) const
{
    return row >= 0 && row < count() ? m_hosts.at(row).name : QString();
}

bool Fleet::inProcess(int row) const
{
    return row >= 0 && row < count() && m_hosts.at(row).inProcess;
}

int Fleet::indexOf(const HostMirror *mirror) const
{
    for (int row = 0; row < count(); ++row)
    {
        if (m_hosts.at(row).mirror == mirror)
        {
            return row;
        }
    }
    return -1;
}
