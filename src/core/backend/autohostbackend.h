#pragma once

#include <functional>

#include <QObject>
#include <QString>

#include "battles/battlemanager.h"
#include "protocol/json.h"
#include "util/result.h"

// One autohost as the desktop app sees it, in the admin API's JSON (docs/admin-api.md): a snapshot, then
// the events of what changed since, and the control actions with their answers. The implementations differ
// in where the autohost runs (LocalBackend: in this process; RemoteBackend: behind an admin endpoint), not
// in what they deliver, so everything built on it (HostMirror) works the same for both.
//
// Whoever follows a backend connects to snapshotReceived and eventReceived before attach(): every (re)attach
// starts with a snapshot that replaces whatever was known, and the events that follow apply to it.
class AutohostBackend : public QObject
{
    Q_OBJECT
    Q_PROPERTY(LinkState linkState READ linkState NOTIFY linkStateChanged)
    Q_PROPERTY(QString linkError READ linkError NOTIFY linkStateChanged)

public:
    enum class LinkState
    {
        Detached,     // not attached, and not trying to
        Connecting,   // attaching (or reattaching after a lost link)
        Attached,     // the snapshot has arrived, events follow
        Unauthorized, // the autohost refused the token; no retry until attach() is called again
        Unreachable,  // no link (linkError says why); attempts go on by themselves
    };
    Q_ENUM(LinkState)

    using Answer = Result<Json, RequestFailure>;
    // Called exactly once with an action's answer.
    using Done = std::function<void(const Answer &answer)>;

    // The failure reason of an action that could not reach the autohost, or whose answer was lost with the
    // link.
    static const QString NotAttached;

    using QObject::QObject;

    // Starts following the autohost: a snapshot, then events.
    virtual void attach() = 0;
    // Stops following it. An action whose answer can no longer arrive (a remote one) fails with NotAttached.
    virtual void detach() = 0;
    // Performs a control action (docs/admin-api.md lists them; data may be null when the action needs no
    // field). done is called exactly once: possibly before perform returns (an answer known at once), else
    // later; after the events of what the action changed at once.
    virtual void perform(const QString &action, const Json &data, Done done) = 0;

    LinkState linkState() const { return m_linkState; }
    // Why the link is not attached, for the operator; empty when there is nothing to tell.
    QString linkError() const { return m_linkError; }

signals:
    void snapshotReceived(const Json &snapshot);
    void eventReceived(const QString &name, const Json &data);
    void linkStateChanged();

protected:
    void setLinkState(LinkState state, const QString &error = {});

private:
    LinkState m_linkState = LinkState::Detached;
    QString m_linkError;
};
