#include "battles/battlerequests.h"

#include "protocol/requestdecoder.h"
#include "protocol/tachyonmessage.h"

using namespace Qt::Literals::StringLiterals;

const QString BattleRequests::BattleNotFound = u"battle_not_found"_s;
const QString BattleRequests::OperatorUserIdPrefix = u"desktop-"_s;

namespace
{
using Outcome = BattleRequests::Outcome;

const QString KillCommand = u"autohost/kill"_s;
const QString AddPlayerCommand = u"autohost/addPlayer"_s;
const QString KickPlayerCommand = u"autohost/kickPlayer"_s;
const QString MutePlayerCommand = u"autohost/mutePlayer"_s;
const QString SpecPlayersCommand = u"autohost/specPlayers"_s;
const QString SendMessageCommand = u"autohost/sendMessage"_s;
const QString SendCommandCommand = u"autohost/sendCommand"_s;

// The decoders validate whole messages; the envelope around the data is this one's own.
const QString MessageId = u"battle-request"_s;

RequestFailure invalid(const QString &details)
{
    return RequestFailure{FailureReason::InvalidRequest, details};
}

// Decode, find the battle, act.
template <typename Request, typename Action>
Outcome onBattle(BattleManager &battles, const Result<Request, FieldError> &decoded, Action action)
{
    if (!decoded)
    {
        return fail(invalid(decoded.error().toString()));
    }
    const auto battle = battles.find(decoded->battleId);
    if (!battle)
    {
        return fail(RequestFailure{BattleRequests::BattleNotFound, battle.error().details});
    }
    if (const Status done = action(*battle.value(), *decoded); !done)
    {
        return fail(invalid(done.error()));
    }
    return std::monostate{};
}
} // namespace

bool BattleRequests::handles(const QString &commandId)
{
    static const QStringList commands = {KillCommand,       AddPlayerCommand,   KickPlayerCommand,
                                         MutePlayerCommand, SpecPlayersCommand, SendMessageCommand,
                                         SendCommandCommand};
    return commands.contains(commandId);
}

Outcome BattleRequests::apply(BattleManager &battles, const QString &commandId,
                              const std::optional<Json> &data, const QString &stopReason)
{
    const Json message = TachyonMessage::makeRequest(commandId, MessageId, data);
    if (commandId == KillCommand)
    {
        return onBattle(battles, RequestDecoder::kill(message),
                        [&stopReason](Battle &battle, const KillRequest &)
                        {
                            battle.stop(stopReason);
                            return succeeded();
                        });
    }
    if (commandId == AddPlayerCommand)
    {
        return onBattle(battles, RequestDecoder::addPlayer(message),
                        [](Battle &battle, const AddPlayerRequest &request)
                        { return battle.addPlayer(request.userId, request.name, request.password); });
    }
    if (commandId == KickPlayerCommand)
    {
        return onBattle(battles, RequestDecoder::kickPlayer(message),
                        [](Battle &battle, const KickPlayerRequest &request)
                        { return battle.kickPlayer(request.userId); });
    }
    if (commandId == MutePlayerCommand)
    {
        return onBattle(battles, RequestDecoder::mutePlayer(message),
                        [](Battle &battle, const MutePlayerRequest &request)
                        { return battle.mutePlayer(request.userId, request.chat, request.draw); });
    }
    if (commandId == SpecPlayersCommand)
    {
        return onBattle(battles, RequestDecoder::specPlayers(message),
                        [](Battle &battle, const SpecPlayersRequest &request)
                        { return battle.specPlayers(request.userIds); });
    }
    if (commandId == SendMessageCommand)
    {
        return onBattle(battles, RequestDecoder::sendMessage(message),
                        [](Battle &battle, const SendMessageRequest &request)
                        { return battle.sendMessage(request.message); });
    }
    if (commandId == SendCommandCommand)
    {
        return onBattle(battles, RequestDecoder::sendCommand(message),
                        [](Battle &battle, const SendCommandRequest &request)
                        { return battle.sendCommand(request.command, request.arguments); });
    }
    return fail(RequestFailure{FailureReason::CommandUnimplemented,
                               u"%1 is not a request on a battle"_s.arg(commandId)});
}

Result<BattleRequests::AddedPlayer, RequestFailure>
BattleRequests::addGeneratedPlayer(BattleManager &battles, const std::optional<Json> &data,
                                   const std::function<QString()> &passwords)
{
    std::optional<Json> request = data;
    AddedPlayer added;
    if (request && request->is_object())
    {
        // The id is free in the battle the data names; without such a battle the request fails anyway.
        added.userId = OperatorUserIdPrefix + u'1';
        if (const auto id = request->find("battleId"); id != request->end() && id->is_string())
        {
            if (const auto battle = battles.find(QUuid::fromString(toQString(id->get<std::string>()))))
            {
                added.userId = battle.value()->players().unusedUserId(OperatorUserIdPrefix);
            }
        }
        added.password = passwords();
        (*request)["userId"] = toStdString(added.userId);
        (*request)["password"] = toStdString(added.password);
    }
    if (const Outcome outcome = apply(battles, AddPlayerCommand, request); !outcome)
    {
        return fail(outcome.error());
    }
    return added;
}
