#pragma once

#include <functional>
#include <optional>

#include <QObject>
#include <QStringList>

#include "battles/battlemanager.h"
#include "protocol/json.h"
#include "util/result.h"

class AutohostService;
class LogRecorder;

// The admin endpoint's control messages: one action with its data → the operation on the service → a JSON
// answer (docs/admin-api.md lists every action with its fields, answer and failures). Actions on battles are
// BattleRequests' (the Tachyon requests' rules), a local battle is a LocalBattlePlan (the desktop form's
// rules) started through AutohostService::startLocalBattle, an engine install goes through the service as
// autohost/installEngine; so every field is checked by the code that checks it for the other faces, and a
// failure names it ("data.battleId: must be a UUID"). Besides the operations there are reads of what the
// snapshot leaves out: a battle's updates (its feed) and the log.
class AdminControl : public QObject
{
    Q_OBJECT

public:
    using Answer = Result<Json, RequestFailure>;
    using Handler = std::function<void(const Answer &answer)>;

    // Failure reasons besides the Tachyon ones and BattleRequests::BattleNotFound.
    static const QString UnknownAction;
    static const QString NotAvailable; // what the action reads is not kept (no log recorder)

    static constexpr int DefaultReadLimit = 1000;
    static constexpr int MaxReadLimit = 10000;

    // recorder: what the log action reads; null: log fails with NotAvailable.
    explicit AdminControl(AutohostService *service, LogRecorder *recorder = nullptr,
                          QObject *parent = nullptr);

    // Every action, in the order the documentation lists them.
    static const QStringList &actions();

    // Performs an action; data is the control's data member (nullopt: absent or null). handler is called
    // exactly once: at once, or for startLocalBattle when the battle has started or failed (even if this
    // object is gone by then).
    void perform(const QString &action, const std::optional<Json> &data, Handler handler);

    // Where the passwords of added players and local battles come from (default: the system's generator).
    void setPasswordSource(std::function<QString()> passwords);
    // Why a battle stops after a kill, as its log tells (default: "killed through the admin endpoint").
    void setKillReason(const QString &reason);

private:
    Answer battleRequest(const QString &command, const std::optional<Json> &data);
    Answer addPlayer(const std::optional<Json> &data);
    Answer installEngine(const std::optional<Json> &data);
    Answer drain(const std::optional<Json> &data);
    Answer feed(const std::optional<Json> &data) const;
    Answer log(const std::optional<Json> &data) const;
    void startLocalBattle(const std::optional<Json> &data, Handler handler);

    AutohostService *m_service;
    LogRecorder *m_recorder;
    std::function<QString()> m_passwords;
    QString m_killReason;
};
