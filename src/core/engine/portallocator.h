#pragma once

#include <optional>

#include <QHostAddress>
#include <QSet>

// Hands out port pairs for battles: game port = gameBase + offset (the engine's HostPort) and autohost port =
// autohostBase + offset (the autohost's UDP socket), offsets 0..count−1 taken round-robin starting at 1 as
// the reference autohost does. An offset stays taken until release() (after its engine exited). Offsets whose
// ports cannot be bound right now (another program holds them) are skipped, not fatal.
class PortAllocator
{
public:
    struct Ports
    {
        int offset = 0;
        quint16 gamePort = 0;
        quint16 autohostPort = 0;
    };

    PortAllocator(int gameBase, int autohostBase, int count, QHostAddress gameBindAddress);

    // The next free offset whose game port is bindable on the game bind address and whose autohost port is
    // bindable on 127.0.0.1 (both checked with UDP binds that are released again), or nothing if every offset
    // is in use or unbindable.
    std::optional<Ports> acquire();
    void release(int offset);
    int inUse() const { return int(m_taken.size()); }
    // The offsets the last acquire() skipped because one of their ports could not be bound.
    int unbindable() const { return m_unbindable; }

    // Overridable check, so tests can simulate ports held by other programs.
    virtual ~PortAllocator() = default;

protected:
    virtual bool canBind(const QHostAddress &address, quint16 port) const;

private:
    int m_gameBase;
    int m_autohostBase;
    int m_count;
    QHostAddress m_gameBindAddress;
    int m_last = 0;
    QSet<int> m_taken;
    int m_unbindable = 0;
};
