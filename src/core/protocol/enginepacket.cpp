#include "protocol/enginepacket.h"

#include <bit>

#include <QStringDecoder>
#include <QStringList>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

namespace EnginePacket
{
namespace
{
enum Type : quint8
{
    TypeServerStarted = 0,
    TypeServerQuit = 1,
    TypeServerStartPlaying = 2,
    TypeServerGameOver = 3,
    TypeServerMessage = 4,
    TypeServerWarning = 5,
    TypePlayerJoined = 10,
    TypePlayerLeft = 11,
    TypePlayerReady = 12,
    TypePlayerChat = 13,
    TypePlayerDefeated = 14,
    TypePlayerSecretChat = 15,
    TypeGameLuaMsg = 20,
    TypeGameTeamStat = 60,
};

// The network Lua-message packet that GAME_LUAMSG copies verbatim starts with this packet type.
constexpr quint8 LuaMsgMagic = 50;
constexpr qsizetype StartPlayingHeaderSize = 21;
constexpr qsizetype LuaMsgHeaderSize = 8;
constexpr qsizetype TeamStatSize = 82;
// Longest text shown by describe(); logs stay one readable line even for a flood of Lua data.
constexpr qsizetype DescribeTextLimit = 200;
// Most winning ally teams shown by describe(): a datagram may list 252 of them.
constexpr qsizetype DescribeListLimit = 32;

// Bounds-checked little-endian reads; callers check the length first.
class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_data(data)
    {
    }

    quint8 u8(qsizetype offset) const { return static_cast<quint8>(m_data[offset]); }
    quint16 u16(qsizetype offset) const { return qFromLittleEndian<quint16>(m_data.data() + offset); }
    quint32 u32(qsizetype offset) const { return qFromLittleEndian<quint32>(m_data.data() + offset); }
    qint32 i32(qsizetype offset) const { return qFromLittleEndian<qint32>(m_data.data() + offset); }
    float f32(qsizetype offset) const { return std::bit_cast<float>(u32(offset)); }
    QByteArray rest(qsizetype offset) const { return m_data.sliced(offset).toByteArray(); }

private:
    QByteArrayView m_data;
};

class Writer
{
public:
    explicit Writer(quint8 type) { m_data.append(static_cast<char>(type)); }

    void u8(quint8 value) { m_data.append(static_cast<char>(value)); }
    void u16(quint16 value)
    {
        char bytes[sizeof value];
        qToLittleEndian(value, bytes);
        m_data.append(bytes, sizeof bytes);
    }
    void u32(quint32 value)
    {
        char bytes[sizeof value];
        qToLittleEndian(value, bytes);
        m_data.append(bytes, sizeof bytes);
    }
    void i32(qint32 value) { u32(static_cast<quint32>(value)); }
    void f32(float value) { u32(std::bit_cast<quint32>(value)); }
    void bytes(QByteArrayView value) { m_data.append(value); }
    // Overwrites a size field once the whole datagram is known.
    void patchU8(qsizetype offset, quint8 value) { m_data[offset] = static_cast<char>(value); }
    void patchU16(qsizetype offset, quint16 value) { qToLittleEndian(value, m_data.data() + offset); }
    void patchU32(qsizetype offset, quint32 value) { qToLittleEndian(value, m_data.data() + offset); }
    qsizetype size() const { return m_data.size(); }
    QByteArray take() { return std::move(m_data); }

private:
    QByteArray m_data;
};

QString lengthError(const char *name, qsizetype length)
{
    return QLatin1StringView(name) + u": wrong length "_s + QString::number(length);
}

Result<Packet> decodeChat(const char *name, QByteArrayView datagram, bool secret)
{
    if (datagram.size() < 3)
    {
        return fail(lengthError(name, datagram.size()));
    }
    const Reader reader(datagram);
    if (secret)
    {
        return Packet(PlayerSecretChat{reader.u8(1), reader.u8(2), reader.rest(3)});
    }
    return Packet(PlayerChat{reader.u8(1), reader.u8(2), reader.rest(3)});
}

Result<Packet> decodeLuaMsg(QByteArrayView datagram)
{
    if (datagram.size() < LuaMsgHeaderSize)
    {
        return fail(lengthError("GAME_LUAMSG", datagram.size()));
    }
    const Reader reader(datagram);
    if (reader.u8(1) != LuaMsgMagic)
    {
        return fail(u"GAME_LUAMSG: wrong magic byte "_s + QString::number(reader.u8(1)));
    }
    const quint16 size = reader.u16(2);
    if (size != datagram.size() - 1)
    {
        return fail(u"GAME_LUAMSG: size "_s + QString::number(size) + u" does not match "_s +
                    QString::number(datagram.size() - 1) + u" (the datagram length without the type byte)"_s);
    }
    GameLuaMsg message{reader.u8(4), reader.u16(5), reader.u8(7), reader.rest(LuaMsgHeaderSize)};
    const bool modeValid = message.script == LuaScriptUi
                               ? (message.mode == LuaUiModeAll || message.mode == LuaUiModeAllies ||
                                  message.mode == LuaUiModeSpectators)
                               : message.mode == LuaUiModeAll;
    if (!modeValid)
    {
        return fail(u"GAME_LUAMSG: mode "_s + QString::number(message.mode) + u" is not valid for script "_s +
                    QString::number(message.script));
    }
    return Packet(std::move(message));
}

Result<Packet> decodeTeamStat(QByteArrayView datagram)
{
    if (datagram.size() != TeamStatSize)
    {
        return fail(lengthError("GAME_TEAMSTAT", datagram.size()));
    }
    const Reader reader(datagram);
    GameTeamStat stat;
    stat.team = reader.u8(1);
    TeamStatistics &s = stat.statistics;
    s.frame = reader.i32(2);
    float *const floats[] = {&s.metalUsed,   &s.energyUsed,   &s.metalProduced, &s.energyProduced,
                             &s.metalExcess, &s.energyExcess, &s.metalReceived, &s.energyReceived,
                             &s.metalSent,   &s.energySent,   &s.damageDealt,   &s.damageReceived};
    qsizetype offset = 6;
    for (float *field : floats)
    {
        *field = reader.f32(offset);
        offset += 4;
    }
    qint32 *const ints[] = {&s.unitsProduced, &s.unitsDied,        &s.unitsReceived, &s.unitsSent,
                            &s.unitsCaptured, &s.unitsOutCaptured, &s.unitsKilled};
    for (qint32 *field : ints)
    {
        *field = reader.i32(offset);
        offset += 4;
    }
    return Packet(stat);
}

void encodeTeamStat(Writer &writer, const GameTeamStat &stat)
{
    const TeamStatistics &s = stat.statistics;
    writer.u8(stat.team);
    writer.i32(s.frame);
    for (float value :
         {s.metalUsed, s.energyUsed, s.metalProduced, s.energyProduced, s.metalExcess, s.energyExcess,
          s.metalReceived, s.energyReceived, s.metalSent, s.energySent, s.damageDealt, s.damageReceived})
    {
        writer.f32(value);
    }
    for (qint32 value : {s.unitsProduced, s.unitsDied, s.unitsReceived, s.unitsSent, s.unitsCaptured,
                         s.unitsOutCaptured, s.unitsKilled})
    {
        writer.i32(value);
    }
}

// Engine text is not promised to be UTF-8 and Lua data is binary: printable ASCII and valid UTF-8 pass, every
// other byte is shown as \xNN so that a log line stays one line.
QString quoted(const QByteArray &text)
{
    const QByteArray shown = text.left(DescribeTextLimit);
    QString result = u"\""_s;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(shown);
    if (!decoder.hasError())
    {
        for (const QChar c : decoded)
        {
            if (c == u'"' || c == u'\\')
            {
                result += u'\\';
                result += c;
            }
            else if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control)
            {
                result += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            }
            else
            {
                result += c;
            }
        }
    }
    else
    {
        for (const char byte : shown)
        {
            const auto value = static_cast<quint8>(byte);
            if (value == '"' || value == '\\')
            {
                result += u'\\';
                result += QLatin1Char(static_cast<char>(value));
            }
            else if (value >= 0x20 && value < 0x7f)
            {
                result += QLatin1Char(static_cast<char>(value));
            }
            else
            {
                result += u"\\x"_s + QString::number(value, 16).rightJustified(2, u'0');
            }
        }
    }
    result += u'"';
    if (text.size() > shown.size())
    {
        result += u"…"_s;
    }
    return result;
}

QString leaveReasonText(LeaveReason reason)
{
    switch (reason)
    {
    case LeaveReason::LostConnection:
        return u"lost connection"_s;
    case LeaveReason::Left:
        return u"left"_s;
    case LeaveReason::Kicked:
        return u"kicked"_s;
    }
    return QString::number(static_cast<int>(reason));
}

QString readyStateText(ReadyState state)
{
    switch (state)
    {
    case ReadyState::NotReady:
        return u"not ready"_s;
    case ReadyState::Ready:
        return u"ready"_s;
    case ReadyState::Forced:
        return u"forced"_s;
    case ReadyState::Failed:
        return u"failed"_s;
    }
    return QString::number(static_cast<int>(state));
}

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;
} // namespace

Result<Packet> decode(QByteArrayView datagram)
{
    if (datagram.isEmpty())
    {
        return fail(u"empty datagram"_s);
    }
    const Reader reader(datagram);
    const qsizetype length = datagram.size();
    switch (reader.u8(0))
    {
    case TypeServerStarted:
        // Trailing bytes are allowed: a future engine may append a protocol version.
        return Packet(ServerStarted{});
    case TypeServerQuit:
        if (length != 1)
        {
            return fail(lengthError("SERVER_QUIT", length));
        }
        return Packet(ServerQuit{});
    case TypeServerStartPlaying:
    {
        if (length < StartPlayingHeaderSize)
        {
            return fail(lengthError("SERVER_STARTPLAYING", length));
        }
        const quint32 size = reader.u32(1);
        if (size != static_cast<quint64>(length))
        {
            return fail(u"SERVER_STARTPLAYING: msgsize "_s + QString::number(size) +
                        u" does not match the datagram length "_s + QString::number(length));
        }
        ServerStartPlaying startPlaying;
        for (qsizetype i = 0; i < static_cast<qsizetype>(startPlaying.gameId.size()); ++i)
        {
            startPlaying.gameId[i] = reader.u8(5 + i);
        }
        startPlaying.demoPath = reader.rest(StartPlayingHeaderSize);
        return Packet(std::move(startPlaying));
    }
    case TypeServerGameOver:
    {
        if (length < 3)
        {
            return fail(lengthError("SERVER_GAMEOVER", length));
        }
        // msgsize comes before the player, whatever the engine's own comment says.
        const quint8 size = reader.u8(1);
        if (size != length)
        {
            return fail(u"SERVER_GAMEOVER: msgsize "_s + QString::number(size) +
                        u" does not match the datagram length "_s + QString::number(length));
        }
        ServerGameOver gameOver;
        gameOver.player = reader.u8(2);
        for (qsizetype i = 3; i < length; ++i)
        {
            gameOver.winningAllyTeams.append(reader.u8(i));
        }
        return Packet(std::move(gameOver));
    }
    case TypeServerMessage:
        return Packet(ServerMessage{reader.rest(1)});
    case TypeServerWarning:
        return Packet(ServerWarning{reader.rest(1)});
    case TypePlayerJoined:
        if (length < 3)
        {
            return fail(lengthError("PLAYER_JOINED", length));
        }
        return Packet(PlayerJoined{reader.u8(1), reader.rest(2)});
    case TypePlayerLeft:
    {
        if (length != 3)
        {
            return fail(lengthError("PLAYER_LEFT", length));
        }
        const quint8 reason = reader.u8(2);
        if (reason > static_cast<quint8>(LeaveReason::Kicked))
        {
            return fail(u"PLAYER_LEFT: unknown reason "_s + QString::number(reason));
        }
        return Packet(PlayerLeft{reader.u8(1), static_cast<LeaveReason>(reason)});
    }
    case TypePlayerReady:
    {
        if (length != 3)
        {
            return fail(lengthError("PLAYER_READY", length));
        }
        const quint8 state = reader.u8(2);
        if (state > static_cast<quint8>(ReadyState::Failed))
        {
            return fail(u"PLAYER_READY: unknown state "_s + QString::number(state));
        }
        return Packet(PlayerReady{reader.u8(1), static_cast<ReadyState>(state)});
    }
    case TypePlayerChat:
        return decodeChat("PLAYER_CHAT", datagram, false);
    case TypePlayerDefeated:
        if (length != 2)
        {
            return fail(lengthError("PLAYER_DEFEATED", length));
        }
        return Packet(PlayerDefeated{reader.u8(1)});
    case TypePlayerSecretChat:
        return decodeChat("PLAYER_SECRET_CHAT", datagram, true);
    case TypeGameLuaMsg:
        return decodeLuaMsg(datagram);
    case TypeGameTeamStat:
        return decodeTeamStat(datagram);
    default:
        return fail(u"unknown packet type "_s + QString::number(reader.u8(0)));
    }
}

QByteArray encode(const Packet &packet)
{
    return std::visit(
        Overloaded{
            [](const ServerStarted &) { return Writer(TypeServerStarted).take(); },
            [](const ServerQuit &) { return Writer(TypeServerQuit).take(); },
            [](const ServerStartPlaying &p)
            {
                Writer writer(TypeServerStartPlaying);
                writer.u32(0);
                for (const quint8 byte : p.gameId)
                {
                    writer.u8(byte);
                }
                writer.bytes(p.demoPath);
                writer.patchU32(1, static_cast<quint32>(writer.size()));
                return writer.take();
            },
            [](const ServerGameOver &p)
            {
                Writer writer(TypeServerGameOver);
                writer.u8(0);
                writer.u8(p.player);
                for (const quint8 allyTeam : p.winningAllyTeams)
                {
                    writer.u8(allyTeam);
                }
                writer.patchU8(1, static_cast<quint8>(writer.size()));
                return writer.take();
            },
            [](const ServerMessage &p)
            {
                Writer writer(TypeServerMessage);
                writer.bytes(p.text);
                return writer.take();
            },
            [](const ServerWarning &p)
            {
                Writer writer(TypeServerWarning);
                writer.bytes(p.text);
                return writer.take();
            },
            [](const PlayerJoined &p)
            {
                Writer writer(TypePlayerJoined);
                writer.u8(p.player);
                writer.bytes(p.name);
                return writer.take();
            },
            [](const PlayerLeft &p)
            {
                Writer writer(TypePlayerLeft);
                writer.u8(p.player);
                writer.u8(static_cast<quint8>(p.reason));
                return writer.take();
            },
            [](const PlayerReady &p)
            {
                Writer writer(TypePlayerReady);
                writer.u8(p.player);
                writer.u8(static_cast<quint8>(p.state));
                return writer.take();
            },
            [](const PlayerChat &p)
            {
                Writer writer(TypePlayerChat);
                writer.u8(p.from);
                writer.u8(p.destination);
                writer.bytes(p.text);
                return writer.take();
            },
            [](const PlayerDefeated &p)
            {
                Writer writer(TypePlayerDefeated);
                writer.u8(p.player);
                return writer.take();
            },
            [](const PlayerSecretChat &p)
            {
                Writer writer(TypePlayerSecretChat);
                writer.u8(p.from);
                writer.u8(p.destination);
                writer.bytes(p.text);
                return writer.take();
            },
            [](const GameLuaMsg &p)
            {
                Writer writer(TypeGameLuaMsg);
                writer.u8(LuaMsgMagic);
                writer.u16(0);
                writer.u8(p.player);
                writer.u16(p.script);
                writer.u8(p.mode);
                writer.bytes(p.data);
                // The size counts from the magic byte, not from the type byte.
                writer.patchU16(2, static_cast<quint16>(writer.size() - 1));
                return writer.take();
            },
            [](const GameTeamStat &p)
            {
                Writer writer(TypeGameTeamStat);
                encodeTeamStat(writer, p);
                return writer.take();
            },
        },
        packet);
}

QString describe(const Packet &packet)
{
    const auto number = [](auto value) -> QString
    {
        return QString::number(value);
    };
    return std::visit<QString>(
        Overloaded{
            [](const ServerStarted &) -> QString { return u"SERVER_STARTED"_s; },
            [](const ServerQuit &) -> QString { return u"SERVER_QUIT"_s; },
            [](const ServerStartPlaying &p) -> QString
            {
                const QByteArray gameId(reinterpret_cast<const char *>(p.gameId.data()),
                                        static_cast<qsizetype>(p.gameId.size()));
                return u"SERVER_STARTPLAYING game "_s + QString::fromLatin1(gameId.toHex()) + u" demo "_s +
                       quoted(p.demoPath);
            },
            [&](const ServerGameOver &p) -> QString
            {
                const qsizetype shown = std::min(p.winningAllyTeams.size(), DescribeListLimit);
                QStringList winners;
                for (const quint8 allyTeam : p.winningAllyTeams.first(shown))
                {
                    winners.append(number(allyTeam));
                }
                if (shown < p.winningAllyTeams.size())
                {
                    winners.append(u"… "_s + number(p.winningAllyTeams.size()) + u" in all"_s);
                }
                return u"SERVER_GAMEOVER from "_s + number(p.player) + u" winners ["_s +
                       winners.join(u", "_s) + u']';
            },
            [](const ServerMessage &p) -> QString { return u"SERVER_MESSAGE "_s + quoted(p.text); },
            [](const ServerWarning &p) -> QString { return u"SERVER_WARNING "_s + quoted(p.text); },
            [&](const PlayerJoined &p) -> QString
            { return u"PLAYER_JOINED "_s + number(p.player) + u' ' + quoted(p.name); },
            [&](const PlayerLeft &p) -> QString
            { return u"PLAYER_LEFT "_s + number(p.player) + u' ' + leaveReasonText(p.reason); },
            [&](const PlayerReady &p) -> QString
            { return u"PLAYER_READY "_s + number(p.player) + u' ' + readyStateText(p.state); },
            [&](const PlayerChat &p) -> QString
            {
                return u"PLAYER_CHAT from "_s + number(p.from) + u" to "_s + number(p.destination) + u' ' +
                       quoted(p.text);
            },
            [&](const PlayerDefeated &p) -> QString { return u"PLAYER_DEFEATED "_s + number(p.player); },
            [&](const PlayerSecretChat &p) -> QString
            {
                return u"PLAYER_SECRET_CHAT from "_s + number(p.from) + u" to "_s + number(p.destination) +
                       u' ' + quoted(p.text);
            },
            [&](const GameLuaMsg &p) -> QString
            {
                return u"GAME_LUAMSG from "_s + number(p.player) + u" script "_s + number(p.script) +
                       u" mode "_s + number(p.mode) + u' ' + number(p.data.size()) + u" bytes "_s +
                       quoted(p.data);
            },
            [&](const GameTeamStat &p) -> QString
            { return u"GAME_TEAMSTAT team "_s + number(p.team) + u" frame "_s + number(p.statistics.frame); },
        },
        packet);
}
} // namespace EnginePacket
