#pragma once

#include <QPointer>

#include "backend/autohostbackend.h"

class AdminControl;
class HostState;

// The autohost of this process: the snapshot and events of its HostState and the actions of its
// AdminControl, the very objects the admin endpoint serves, as JSON values without a trip through text. So
// the desktop app's views and a remote client see the same data, and an operator's action takes the same
// path whichever face it comes from.
class LocalBackend : public AutohostBackend
{
    Q_OBJECT

public:
    LocalBackend(HostState *state, AdminControl *control, QObject *parent = nullptr);

    void attach() override;
    void detach() override;
    void perform(const QString &action, const Json &data, Done done) override;

private:
    QPointer<HostState> m_state;
    QPointer<AdminControl> m_control;
    QMetaObject::Connection m_events;
};
