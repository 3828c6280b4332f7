#pragma once

#include <QAbstractListModel>
#include <QList>

class AutohostBackend;
class HostMirror;

// Every autohost the desktop app watches, a row each: this process's own (if it runs one) and the remote ones
// it attached to. A row owns its backend and the HostMirror the views bind to when it is the one shown, and
// tells what the fleet overview shows of it: the link, the lobby connection, capacity, battles and alerts
// (battles that crashed, engine installs that failed). Rows follow their mirror and backend as they change.
class Fleet : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        AddressRole,        // host:port of a remote autohost; empty for this process's
        InProcessRole,      // the autohost runs in this process
        LinkStateRole,      // "detached", "connecting", "attached", "unauthorized", "unreachable"
        LinkErrorRole,      // why the link is not attached; empty when there is nothing to tell
        ReadyRole,          // its state has arrived (it may be out of date while the link is down)
        LobbyStateRole,     // the autohost's connection to its lobby server (HostMirror::connectionState)
        ServerAddressRole,  // the lobby server it serves; empty in local mode
        LocalModeRole,      // it runs without a lobby server
        CurrentBattlesRole, // battles running
        MaxBattlesRole,     // battles it accepts now (0 while draining)
        DrainingRole,
        CrashedBattlesRole, // battles of its battles table that crashed
        FailedInstallsRole, // engine installs that failed
        AlertCountRole,     // crashed battles plus failed installs
    };
    Q_ENUM(Role)

    explicit Fleet(QObject *parent = nullptr);
    ~Fleet() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_hosts.size()); }
    // Every role of a row by its name; empty for a row that does not exist.
    Q_INVOKABLE QVariantMap get(int row) const;

    // Appends a row for the backend (the fleet takes it over) with a mirror of its own, and attaches it;
    // its row.
    int add(const QString &name, const QString &address, AutohostBackend *backend, bool inProcess);
    // Detaches and drops a row.
    void remove(int row);

    HostMirror *mirror(int row) const;
    AutohostBackend *backend(int row) const;
    QString name(int row) const;
    bool inProcess(int row) const;
    // The row of a mirror, or -1.
    int indexOf(const HostMirror *mirror) const;

    // The link state's name as the LinkStateRole tells it.
    static QString linkStateName(int state);

signals:
    void countChanged();

private:
    struct Host
    {
        QString name;
        QString address;
        bool inProcess = false;
        AutohostBackend *backend = nullptr;
        HostMirror *mirror = nullptr;
    };

    void follow(const Host &host);
    void rowChanged(const HostMirror *mirror);
    static int battlesInState(const HostMirror *mirror, const QString &state);
    static int failedInstalls(const HostMirror *mirror);

    QList<Host> m_hosts;
};
