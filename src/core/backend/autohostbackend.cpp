#include "backend/autohostbackend.h"

using namespace Qt::Literals::StringLiterals;

const QString AutohostBackend::NotAttached = u"not_attached"_s;

void AutohostBackend::setLinkState(LinkState state, const QString &error)
{
    if (state == m_linkState && error == m_linkError)
    {
        return;
    }
    m_linkState = state;
    m_linkError = error;
    emit linkStateChanged();
}
