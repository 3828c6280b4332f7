#include "backend/localbackend.h"

#include "admin/admincontrol.h"
#include "admin/hoststate.h"

using namespace Qt::Literals::StringLiterals;

LocalBackend::LocalBackend(HostState *state, AdminControl *control, QObject *parent)
    : AutohostBackend(parent)
    , m_state(state)
    , m_control(control)
{
}

void LocalBackend::attach()
{
    if (linkState() == LinkState::Attached || !m_state)
    {
        return;
    }
    // What changed before goes to those who listened then; the snapshot tells the rest.
    m_state->flush();
    m_events = connect(m_state, &HostState::streamEvent, this, &AutohostBackend::eventReceived);
    setLinkState(LinkState::Attached);
    emit snapshotReceived(m_state->snapshot());
}

void LocalBackend::detach()
{
    disconnect(m_events);
    setLinkState(LinkState::Detached);
}

void LocalBackend::perform(const QString &action, const Json &data, Done done)
{
    if (linkState() != LinkState::Attached || !m_control)
    {
        done(fail(RequestFailure{NotAttached, u"the autohost is not attached"_s}));
        return;
    }
    m_control->perform(action, data.is_null() ? std::nullopt : std::optional<Json>(data),
                       [state = m_state, done = std::move(done)](const AdminControl::Answer &answer)
                       {
                           // The events of what the action changed come before its answer, as on the stream.
                           if (state)
                           {
                               state->flush();
                           }
                           done(answer);
                       });
}
