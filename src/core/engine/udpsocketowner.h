#pragma once

#include <optional>

#include <QtGlobal>

// Which process a UDP socket on this machine belongs to, so that the autohost can tell its engine's datagrams
// from those of any other local program writing to the autohost port (engine notes §1.2). Linux only: it
// reads /proc/net/udp, /proc/net/udp6 and /proc/<pid>/fd.
namespace UdpSocketOwner
{
// Whether process pid, or one of its descendants, holds a UDP socket bound to localPort and connected to
// remotePort; nullopt when this system cannot tell.
std::optional<bool> isHeldBy(qint64 pid, quint16 localPort, quint16 remotePort);
} // namespace UdpSocketOwner
