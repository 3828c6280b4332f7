#pragma once

#include <functional>
#include <memory>

#include <QTemporaryDir>
#include <QUuid>

#include "autohostservice.h"
#include "faketachyonserver.h"
#include "testhttpserver.h"

// An AutohostService as a lobby server sees it, for tests of what sits on top of the service: a
// FakeTachyonServer on loopback drives it, its one engine version ("1.0") is the fake engine, installed in a
// temporary directory, and its engine CDN is a TestHttpServer.
class ServiceTestHost
{
public:
    static constexpr auto EngineVersion = "1.0";
    // The OAuth client secret the service connects with.
    static constexpr auto ClientSecret = "client-secret-7f3a9c";

    // adjust may change the configuration before the service is made; without a tachyonServer the service
    // runs in local mode. beforeStart sees the service made but not started (to follow it from its first
    // request on).
    explicit ServiceTestHost(const QString &fakeEnginePath,
                             const std::function<void(Config &config)> &adjust = {},
                             const std::function<void(AutohostService &service)> &beforeStart = {});
    ~ServiceTestHost();

    // Empty when the service is ready (connected, unless in local mode), else what went wrong.
    QString problem() const { return m_problem; }
    AutohostService &service() { return *m_service; }
    FakeTachyonServer &server() { return *m_server; }
    int connection() const { return m_connection; }
    QString directory() const { return m_dir.path(); }
    TestHttpServer &cdn() { return m_cdn; }
    // Makes the CDN offer an engine version whose download stalls after 1000 of its 4000 bytes, so that an
    // install of it stays in the downloading phase (for a minute).
    void offerStalledEngine(const QString &version);

    // The data of an autohost/start: Alice ("1001", ally team 0) against Bob ("1002", ally team 1), Carol
    // ("1003") watching; fake engine instructions go in as game options.
    static Json startData(const QUuid &id, const QList<QPair<QString, QString>> &gameOptions = {});
    // A request from the server and its response (null on timeout).
    Json request(const QString &command, const Json &data, int timeoutMilliseconds = 10000);
    // Starts a battle the server asks for, with a fake engine script (see FakeEngine); its id, or null when
    // the start failed.
    QUuid startBattle(const QString &fakeScript = {});
    // What the battle's engine has logged so far (the fake engine logs every command it receives).
    QString engineLog(const QUuid &battleId) const;
    // Shuts the service down and waits for it to finish; false on timeout.
    bool shutdown();

private:
    QTemporaryDir m_dir;
    QString m_problem;
    TestHttpServer m_cdn;
    std::unique_ptr<FakeTachyonServer> m_server;
    std::unique_ptr<AutohostService> m_service;
    int m_connection = -1;
    bool m_finished = false;
};
