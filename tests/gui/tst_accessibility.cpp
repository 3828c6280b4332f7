// Accessibility of the real app window (Main.qml over AppController over a real AutohostService in local
// mode, with a battle of the fake engine and a failed engine install): every interactive control of every
// page has an accessible name, Tab reaches each page's main controls, the page shortcuts switch pages, Enter
// on a battle opens it and Escape or the back button return. Fails on any QML warning too.
#include <QAccessible>
#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include "appcontroller.h"
#include "autohostservice.h"
#include "testhttpserver.h"

Q_IMPORT_QML_PLUGIN(AutohostPlugin)

using namespace Qt::Literals::StringLiterals;

namespace
{
// The name a screen reader gets for an item. Buttons and texts without an explicit Accessible.name are named
// by their text, which Qt sets as their accessible name only while a screen reader is active; the offscreen
// platform has no accessibility bridge to activate, so the test takes the text as Qt would.
QString accessibleName(QQuickItem *item)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(item);
    const QString name = accessible ? accessible->text(QAccessible::Name) : QString();
    if (name.isEmpty() && (item->inherits("QQuickAbstractButton") || item->inherits("QQuickText")))
    {
        return item->property("text").toString();
    }
    return name;
}

bool inheritsAny(const QObject *object, std::initializer_list<const char *> classNames)
{
    return std::any_of(classNames.begin(), classNames.end(),
                       [object](const char *className) { return object->inherits(className); });
}

// Controls people operate: buttons (delegates, switches and menu items included), text editors, combo boxes,
// sliders, spin boxes, and list views that take the keyboard focus. The editor inside a combo or spin box is
// part of that control, named with it.
bool isInteractive(QQuickItem *item)
{
    if (inheritsAny(item, {"QQuickAbstractButton", "QQuickComboBox", "QQuickSlider", "QQuickSpinBox"}))
    {
        return true;
    }
    if (inheritsAny(item, {"QQuickTextInput", "QQuickTextEdit"}))
    {
        const QQuickItem *parent = item->parentItem();
        return !parent || !inheritsAny(parent, {"QQuickComboBox", "QQuickSpinBox"});
    }
    return item->inherits("QQuickListView") && item->activeFocusOnTab();
}

void collectVisibleControls(QQuickItem *item, QList<QQuickItem *> &controls)
{
    if (!item->isVisible())
    {
        return;
    }
    if (isInteractive(item))
    {
        controls.append(item);
    }
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
    {
        collectVisibleControls(child, controls);
    }
}

// Enough to find an offender in the QML: its type, the file it is declared in, and what it shows.
QString describe(QQuickItem *item)
{
    const QQmlContext *context = qmlContext(item);
    QString shows;
    for (const char *property : {"text", "placeholderText", "displayText"})
    {
        const QString value = item->property(property).toString();
        if (!value.isEmpty())
        {
            shows = u" %1: \"%2\""_s.arg(QString::fromLatin1(property), value.left(40));
            break;
        }
    }
    return u"%1 in %2%3"_s.arg(QString::fromLatin1(item->metaObject()->className()),
                               context ? context->baseUrl().fileName() : u"?"_s, shows);
}
} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_qmlProblems;
    TestHttpServer m_cdn;
    std::unique_ptr<AutohostService> m_service;
    std::unique_ptr<AppController> m_controller;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QString m_battleId;

    QString currentPage() const { return m_window->property("currentPage").toString(); }

    void show(const QString &page)
    {
        if (page == u"battle"_s)
        {
            QMetaObject::invokeMethod(m_window, "openBattle", Q_ARG(QVariant, m_battleId));
        }
        else
        {
            QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, page));
        }
        QTRY_COMPARE(currentPage(), page);
        QTest::qWait(200); // layouts and loaders settle
    }

    // The names of the visible controls a QML file declares, sorted.
    QStringList visibleControlNames(const QString &qmlFile) const
    {
        QList<QQuickItem *> controls;
        collectVisibleControls(m_window->contentItem(), controls);
        QStringList names;
        for (QQuickItem *control : std::as_const(controls))
        {
            const QQmlContext *context = qmlContext(control);
            if (context && context->baseUrl().fileName() == qmlFile)
            {
                names.append(accessibleName(control));
            }
        }
        names.sort();
        return names;
    }

    // The list around an item, if any.
    static QQuickItem *enclosingList(QQuickItem *item)
    {
        for (QQuickItem *ancestor = item->parentItem(); ancestor; ancestor = ancestor->parentItem())
        {
            if (ancestor->inherits("QQuickListView"))
            {
                return ancestor;
            }
        }
        return nullptr;
    }

    // What a screen reader says for the item that has the focus: its name, in a named list the list's first.
    static QString focusName(QQuickItem *item)
    {
        QQuickItem *list = enclosingList(item);
        const QString listName = list ? accessibleName(list) : QString();
        return listName.isEmpty() ? accessibleName(item) : listName + u": "_s + accessibleName(item);
    }

    // Whether the focus on item is on the control named `name`, or in the list named so.
    static bool isFocusOn(QQuickItem *item, const QString &name)
    {
        QQuickItem *list = enclosingList(item);
        return accessibleName(item) == name || (list && accessibleName(list) == name);
    }

    // The items that get the active focus on pressing Tab from the window's start, once round the chain or
    // until the item named stopAt has it.
    QList<QQuickItem *> tabChain(const QString &stopAt = {})
    {
        // From the window's start: no control has the focus.
        QQuickItem *root = m_window->contentItem();
        for (int scope = 0; scope < 20 && m_window->activeFocusItem() && m_window->activeFocusItem() != root;
             ++scope)
        {
            m_window->activeFocusItem()->setFocus(false);
        }
        QList<QQuickItem *> reached;
        for (int press = 0; press < 400; ++press)
        {
            QTest::keyClick(m_window, Qt::Key_Tab);
            QQuickItem *focus = m_window->activeFocusItem();
            if (!focus || reached.contains(focus))
            {
                break;
            }
            reached.append(focus);
            if (!stopAt.isEmpty() && isFocusOn(focus, stopAt))
            {
                break;
            }
        }
        return reached;
    }

    // Presses Tab until the control named `name` has the focus.
    bool tabTo(const QString &name)
    {
        const QList<QQuickItem *> chain = tabChain(name);
        if (chain.isEmpty() || !isFocusOn(chain.constLast(), name))
        {
            QStringList reached;
            for (QQuickItem *item : chain)
            {
                reached.append(focusName(item));
            }
            qWarning().noquote() << u"Tab does not reach %1; it goes through: %2"_s.arg(
                name, reached.join(u" → "_s));
            return false;
        }
        return true;
    }

    QQuickItem *findVisibleControl(const QString &name)
    {
        QList<QQuickItem *> controls;
        collectVisibleControls(m_window->contentItem(), controls);
        const auto found = std::find_if(controls.begin(), controls.end(),
                                        [&name](QQuickItem *item) { return accessibleName(item) == name; });
        return found == controls.end() ? nullptr : *found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QQuickStyle::setStyle(u"Fusion"_s);
        // The CDN knows no engine: an install fails, and the Engines page offers to retry it.
        QVERIFY(m_cdn.listen());
        TestHttpServer::Response none;
        none.contentType = "application/json";
        none.body = "[]";
        m_cdn.setResponse(u"/cdn/find"_s, none);

        Config config;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        config.journalDir =
            m_dir.filePath(u"journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        config.engineBindIP = u"127.0.0.1"_s;
        const int portBase = 37000 + int(QCoreApplication::applicationPid() % 40) * 100;
        config.engineStartPort = portBase;
        config.engineAutohostStartPort = portBase + 50;
        config.maxPortsUsed = 20;
        config.engineStartTimeoutSeconds = 5;
        config.engineKillGraceSeconds = 2;
        config.engineCdnBaseUrl = m_cdn.url(u"/cdn"_s).toString();
        config.engineDownloadMaxAttempts = 1;
        const QString engineDir = config.enginesDir + u"/2025.06.22"_s;
        QVERIFY(QDir().mkpath(engineDir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), engineDir + u"/spring-dedicated"_s));

        m_service = std::make_unique<AutohostService>(config);
        m_controller = std::make_unique<AppController>(
            m_service.get(),
            AppController::Paths{m_dir.filePath(u"config.json"_s), m_dir.filePath(u"desktop.ini"_s), {}});
        AppController::setInstance(m_controller.get());
        // A remote autohost nobody answers for: the fleet page shows its controls, the sidebar its switcher.
        QVERIFY(
            m_controller->connectToAutohost(u"Far away"_s, u"127.0.0.1"_s, 1, u"t"_s, false, {}).isEmpty());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        connect(m_engine.get(), &QQmlEngine::warnings, this,
                [this](const QList<QQmlError> &warnings)
                {
                    for (const QQmlError &warning : warnings)
                    {
                        m_qmlProblems.append(warning.toString());
                    }
                });
        m_engine->addImportPath(u"qrc:/qt/qml"_s);
        m_controller->preferences()->attach(m_engine.get());
        m_service->start();
        m_engine->load(QUrl(u"qrc:/qt/qml/Autohost/Main.qml"_s));
        QCOMPARE(m_engine->rootObjects().size(), 1);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        m_window->resize(1366, 860);
        m_window->show();
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));

        LocalBattleForm *form = m_controller->localBattle();
        QVERIFY(form);
        form->setGameName(u"Beyond All Reason test-27450-2e4ff5e"_s);
        form->setMapName(u"Supreme Isthmus v2.1"_s);
        form->setAllyTeam(0, u"Alice, Bob"_s);
        form->setAllyTeam(1, u"Carol"_s);
        form->setSpectators(u"Erin"_s);
        QSignalSpy started(form, &LocalBattleForm::started);
        form->start();
        QVERIFY(started.wait(10000));
        m_battleId = started.constFirst().constFirst().toString();

        MirrorInstallModel *installs = m_controller->installs();
        installs->install(u"2024.12.01"_s);
        QTRY_VERIFY_WITH_TIMEOUT(installs->rowCount() == 1 &&
                                     installs->index(0).data(installs->roleNames().key("phase")) ==
                                         u"failed"_s,
                                 10000);
    }

    void cleanupTestCase()
    {
        if (m_controller)
        {
            m_controller->quit();
            QTRY_VERIFY_WITH_TIMEOUT(m_service->battles()->currentBattles() == 0, 15000);
        }
        QVERIFY2(m_qmlProblems.isEmpty(), qPrintable(m_qmlProblems.join(u'\n')));
    }

    void everyControlHasAName_data()
    {
        QTest::addColumn<QString>("page");
        for (const QString &page : {u"dashboard"_s, u"battles"_s, u"battle"_s, u"newBattle"_s, u"engines"_s,
                                    u"log"_s, u"settings"_s, u"fleet"_s})
        {
            QTest::newRow(qPrintable(page)) << page;
        }
    }

    void everyControlHasAName()
    {
        QFETCH(QString, page);
        show(page);
        QList<QQuickItem *> controls;
        collectVisibleControls(m_window->contentItem(), controls);
        QStringList unnamed;
        for (QQuickItem *control : std::as_const(controls))
        {
            if (accessibleName(control).trimmed().isEmpty())
            {
                unnamed.append(describe(control));
            }
        }
        // The sidebar's entries and at least one control of the page.
        QVERIFY2(controls.size() > 6, qPrintable(u"only %1 controls found"_s.arg(controls.size())));
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(u"%1 of %2 controls without an accessible name:\n  %3"_s.arg(unnamed.size())
                                .arg(controls.size())
                                .arg(unnamed.join(u"\n  "_s))));
    }

    void tabReachesMainControls_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("dashboard") << u"dashboard"_s
                                   << QStringList{u"Show Dashboard"_s, u"Show Settings"_s,
                                                  u"Drain: accept no new battles"_s};
        QTest::newRow("battles") << u"battles"_s
                                 << QStringList{u"Filter battles"_s, u"Show battles"_s, u"State"_s,
                                                u"Memory"_s, u"Battles"_s};
        QTest::newRow("battle") << u"battle"_s
                                << QStringList{u"Back to the battles"_s,
                                               u"Kill the battle"_s,
                                               u"Add player…"_s,
                                               u"Players and spectators"_s,
                                               u"Show Chat"_s,
                                               u"Search the feed"_s,
                                               u"Battle feed"_s,
                                               u"Message to send"_s,
                                               u"Engine command to send"_s};
        QTest::newRow("newBattle") << u"newBattle"_s << QStringList{u"Engine version"_s,
                                                                    u"Game name"_s,
                                                                    u"Map name"_s,
                                                                    u"Start position type"_s,
                                                                    u"Players of ally team 1"_s,
                                                                    u"Add ally team"_s,
                                                                    u"Spectators"_s,
                                                                    u"Start battle"_s};
        QTest::newRow("engines") << u"engines"_s
                                 << QStringList{u"Engine version to install"_s, u"Install"_s,
                                                u"Retry installing 2024.12.01"_s};
        QTest::newRow("log") << u"log"_s
                             << QStringList{u"Search the log"_s, u"Log levels to show"_s, u"Log lines"_s};
        QTest::newRow("settings") << u"settings"_s
                                  << QStringList{u"Theme"_s,          u"Language"_s,   u"tachyonServer"_s,
                                                 u"engineSettings"_s, u"enginesDir"_s, u"logFormat"_s};
        QTest::newRow("fleet") << u"fleet"_s
                               << QStringList{u"Autohost shown"_s, u"Connect to a remote autohost"_s,
                                              u"Reconnect to autohost Far away"_s,
                                              u"Remove autohost Far away from the list"_s};
    }

    void tabReachesMainControls()
    {
        QFETCH(QString, page);
        QFETCH(QStringList, names);
        show(page);
        if (page == u"engines"_s)
        {
            // Install takes part once there is a version to install.
            QQuickItem *version = findVisibleControl(u"Engine version to install"_s);
            QVERIFY(version);
            version->setProperty("text", u"2025.07.07"_s);
        }
        const QList<QQuickItem *> chain = tabChain();
        QStringList reached;
        QStringList unnamed;
        for (QQuickItem *item : chain)
        {
            reached.append(focusName(item));
            if (accessibleName(item).trimmed().isEmpty())
            {
                unnamed.append(describe(item));
            }
        }
        QStringList missing;
        for (const QString &name : std::as_const(names))
        {
            if (std::none_of(chain.begin(), chain.end(),
                             [&name](QQuickItem *item) { return isFocusOn(item, name); }))
            {
                missing.append(name);
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"Tab does not reach %1; it goes through: %2"_s.arg(
                                        missing.join(u", "_s), reached.join(u" → "_s))));
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(u"the focus goes to items without a name:\n  %1"_s.arg(unnamed.join(u"\n  "_s))));
        QCOMPARE(currentPage(), page); // Tab moves within the page, it does not switch pages
    }

    void shortcutsSwitchPages()
    {
        show(u"log"_s);
        const QStringList pages = {u"dashboard"_s, u"battles"_s,  u"newBattle"_s, u"engines"_s,
                                   u"log"_s,       u"settings"_s, u"fleet"_s};
        for (int page = pages.size() - 1; page >= 0; --page)
        {
            QTest::keyClick(m_window, Qt::Key(Qt::Key_1 + page), Qt::ControlModifier);
            QTRY_COMPARE(currentPage(), pages.at(page));
        }
    }

    void enterOpensBattleAndEscapeReturns()
    {
        show(u"battles"_s);
        QVERIFY(tabTo(u"Battles"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(currentPage(), u"battle"_s);
        QCOMPARE(m_window->property("openBattleId").toString(), m_battleId);

        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(currentPage(), u"battles"_s);
    }

    void addPlayerDialogByKeyboard()
    {
        show(u"battle"_s);
        QVERIFY(tabTo(u"Add player…"_s));
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_COMPARE(accessibleName(m_window->activeFocusItem()), u"Name of the player to add"_s);
        const QStringList dialogControls = visibleControlNames(u"AddPlayerDialog.qml"_s);
        QCOMPARE(dialogControls, (QStringList{u"Add"_s, u"Close"_s, u"Name of the player to add"_s}));

        // Escape closes the dialog and stays on the battle.
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(accessibleName(m_window->activeFocusItem()) != u"Name of the player to add"_s);
        QTest::qWait(100);
        QCOMPARE(currentPage(), u"battle"_s);
    }

    void connectDialogByKeyboard()
    {
        show(u"fleet"_s);
        QVERIFY(tabTo(u"Connect to a remote autohost"_s));
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_COMPARE(accessibleName(m_window->activeFocusItem()), u"Host of the autohost"_s);
        const QStringList dialogControls = visibleControlNames(u"ConnectDialog.qml"_s);
        QCOMPARE(dialogControls, (QStringList{u"Admin token"_s, u"Cancel"_s, u"Certificate file to trust"_s,
                                              u"Choose the certificate file"_s, u"Connect to the autohost"_s,
                                              u"Host of the autohost"_s, u"Name of the autohost"_s,
                                              u"Port of the admin endpoint"_s, u"Use TLS"_s}));
        // A host typed, Enter connects: a third autohost joins the fleet and the dialog closes.
        for (const char key : QByteArray("192.0.2.99"))
        {
            QTest::keyClick(m_window, key);
        }
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(m_controller->fleet()->count(), 3);
        QCOMPARE(m_controller->fleet()->get(2).value(u"address"_s).toString(), u"192.0.2.99:8201"_s);
        QTRY_VERIFY(accessibleName(m_window->activeFocusItem()) != u"Host of the autohost"_s);
        m_controller->removeAutohost(2);
        QCOMPARE(currentPage(), u"fleet"_s);
    }

    void backButtonReturns()
    {
        show(u"battle"_s);
        QVERIFY(tabTo(u"Back to the battles"_s));
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_COMPARE(currentPage(), u"battles"_s);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
