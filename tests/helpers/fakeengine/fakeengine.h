#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "fakeevent.h"
#include "protocol/enginepacket.h"
#include "tdfdocument.h"

class QUdpSocket;

// The server side of spring-dedicated as far as an autohost can see it: the UDP interface (engine notes §1,
// §2), the server commands (§5, §6) with their messages, and faults chosen through [MODOPTIONS] keys:
//   fakestartup    normal | never | exit0 | crash | delay:<ms>
//   fakeafterstart crash:<ms> | segv:<ms> | exit0:<ms> | quit:<ms> | hang
//   fakescript     events played after the start, separated by '|' (see FakeEvent)
// The command "/fakeplay <event> <event> …" plays events at run time.
class FakeEngine : public QObject
{
    Q_OBJECT

public:
    explicit FakeEngine(const QString &writeDir, QObject *parent = nullptr);

    // Reads the start script; fails when a fake option or event is malformed.
    Status load(const TdfDocument &script);
    void start();

private:
    struct Player
    {
        QByteArray name;
        QString password;
        bool spectator = false;
        bool connected = false;
        bool chatMuted = false;
        bool drawMuted = false;
    };
    enum class Startup
    {
        Normal,
        Never,
        Exit0,
        Crash,
        Delay,
    };
    enum class AfterStart
    {
        Nothing,
        Crash,
        Segv,
        Exit0,
        Quit,
        Hang,
    };

    void startServer();
    bool openInterface();
    void afterStart();
    void send(const EnginePacket::Packet &packet);
    void sendRaw(const QByteArray &datagram);
    void serverMessage(const QString &text);
    void closeInterface(const QString &why);
    void readOneDatagram();
    void handleDatagram(QByteArray datagram);
    void hostChat(const QByteArray &text);
    void action(const QByteArray &line);
    void kick(int number);
    void spec(int number);
    void mute(int number, const QStringList &tokens);
    void addUser(const QStringList &tokens);
    void startPlaying();
    void quit();
    void play(std::shared_ptr<const QList<FakeEvent>> events, qsizetype from);
    // Sends count SERVER_MESSAGEs "stream <n>" at perSecond, then calls then.
    void stream(int count, int perSecond, const std::function<void()> &then);
    void perform(const FakeEvent &event);
    bool isConnected(int number) const;
    QString typeOf(int number) const;
    QByteArray nameOf(int number) const;

    QString m_writeDir;
    QString m_autohostIp;
    int m_autohostPort = 0;
    int m_hostPort = 8452;
    std::optional<std::array<quint8, 16>> m_gameId;
    QList<Player> m_players;
    Startup m_startup = Startup::Normal;
    int m_startupDelay = 0;
    AfterStart m_afterStart = AfterStart::Nothing;
    int m_afterStartDelay = 0;
    QList<FakeEvent> m_script;

    QUdpSocket *m_socket = nullptr;
    QTimer m_tick;
    bool m_interfaceOpen = false;
    bool m_quitting = false;
    bool m_hanging = false;
    bool m_gameStarted = false;
};
