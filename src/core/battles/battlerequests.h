#pragma once

#include <functional>
#include <optional>

#include <QString>

#include "battles/battlemanager.h"
#include "protocol/json.h"
#include "util/result.h"

// The requests that act on one battle — autohost/kill, addPlayer, kickPlayer, mutePlayer, specPlayers,
// sendMessage and sendCommand — from their data to the battle: validated by RequestDecoder, the battle looked
// up, the action applied. The Tachyon server's requests, the desktop app's actions and the admin endpoint's
// controls all go through here, so one set of rules holds for every face.
class BattleRequests
{
public:
    // The reason for a valid battle id that no battle has. The Tachyon spec has no such reason; its answers
    // say invalid_request with the same details.
    static const QString BattleNotFound;
    // User ids of the users an operator adds: "desktop-1", "desktop-2", … (never a lobby's numeric id).
    static const QString OperatorUserIdPrefix;

    using Outcome = Result<std::monostate, RequestFailure>;

    struct AddedPlayer
    {
        QString userId;
        QString password;
    };

    // Whether commandId is one of the requests above.
    static bool handles(const QString &commandId);
    // Applies one of them. data is the request's data member (nullopt: absent); stopReason is the reason an
    // autohost/kill gives the battle. Fails with invalid_request (a field, or the battle refused: an unknown
    // user, a battle that is stopping) or BattleNotFound, with details naming the field ("data.userId: …").
    static Outcome apply(BattleManager &battles, const QString &commandId, const std::optional<Json> &data,
                         const QString &stopReason = {});
    // The operator's addPlayer: data names the battle and the user's name ({"battleId", "name"}); the user
    // id is the battle's first unused OperatorUserIdPrefix id and the password comes from passwords.
    // Validated and applied as autohost/addPlayer.
    static Result<AddedPlayer, RequestFailure> addGeneratedPlayer(BattleManager &battles,
                                                                  const std::optional<Json> &data,
                                                                  const std::function<QString()> &passwords);
};
