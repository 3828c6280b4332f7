#pragma once

#include "protocol/autohostrequests.h"
#include "protocol/fielderror.h"
#include "protocol/json.h"
#include "util/result.h"

// Validates and decodes the data of the requests a Tachyon server sends to an autohost.
//
// Each decode function takes the whole request message (envelope included) and looks at its "data" member. It
// enforces every constraint of the spec's JSON Schemas (schemas/autohost/<command>/request.json with the
// shared definitions) and the formats a generic validator would skip (uuid, regex), plus what the autohost
// needs to stay safe: anything that reaches a start script, an engine command or a path is checked with
// TdfText, and the start request's internal references (bot hosts, allies, unique ids and names, start boxes)
// are consistent. A violation yields the first offending field with a path such as
// "data.allyTeams[0].teams[1].players[0].name". Unknown members are ignored; null on an optional member
// counts as absent.
class RequestDecoder
{
public:
    static Result<StartRequest, FieldError> start(const Json &message);
    static Result<KillRequest, FieldError> kill(const Json &message);
    static Result<AddPlayerRequest, FieldError> addPlayer(const Json &message);
    static Result<KickPlayerRequest, FieldError> kickPlayer(const Json &message);
    static Result<MutePlayerRequest, FieldError> mutePlayer(const Json &message);
    static Result<SpecPlayersRequest, FieldError> specPlayers(const Json &message);
    static Result<SendMessageRequest, FieldError> sendMessage(const Json &message);
    static Result<SendCommandRequest, FieldError> sendCommand(const Json &message);
    static Result<SubscribeUpdatesRequest, FieldError> subscribeUpdates(const Json &message);
    static Result<InstallEngineRequest, FieldError> installEngine(const Json &message);
    // The battleId member of a request's data object, checked as the requests above check it; for readers of
    // battle ids beyond these requests (the admin endpoint's feed).
    static Result<QUuid, FieldError> battleIdOf(const Json &data);
};
