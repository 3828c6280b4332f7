import QtQuick
import QtTest
import Autohost
import "finder.js" as Finder

// The local battle form of the app (local mode, the fake engine installed): the page's fields edit
// AppController.localBattle, and what the form finds wrong shows next to the field.
TestCase {
    id: testCase
    name: "NewBattlePage"
    when: windowShown
    // A TestCase is invisible unless told otherwise; the items under test live in it and take input.
    visible: true
    width: 1100
    height: 1000

    readonly property var form: AppController.localBattle

    Component {
        id: pageComponent
        NewBattlePage {
            width: testCase.width
            height: testCase.height
        }
    }
    SignalSpy {
        id: started
        target: testCase.form
        signalName: "started"
    }
    SignalSpy {
        id: startFailed
        target: testCase.form
        signalName: "startFailed"
    }

    function allyTeamFields(page) {
        return Finder.findAll(page, item => item.placeholderText === "Player names, e.g. Alice, Bob")
    }
    // The editable boxes: game, then map.
    function nameBoxes(page) {
        return Finder.findAll(page, item => item.editable === true && item.editText !== undefined)
    }
    function replaceText(input, text) {
        input.forceActiveFocus()
        keySequence(StandardKey.SelectAll)
        keyClick(Qt.Key_Backspace)
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function initTestCase() {
        verify(form)
        tryVerify(() => form.availableEngines.length > 0, 10000)
    }
    function init() {
        form.resetPlayers()
        form.gameName = "MiniGame 1.0"
        form.mapName = "MiniMap"
        started.clear()
        startFailed.clear()
    }
    function cleanup() {
        AppController.setDraining(false)
    }

    function test_allyTeamFieldsEditTheForm() {
        const page = createTemporaryObject(pageComponent, testCase)
        let fields = allyTeamFields(page)
        compare(fields.length, 2)
        compare(fields[0].text, "Player1")

        replaceText(fields[1], "Carol, Dave")
        keyClick(Qt.Key_Return)
        compare(form.allyTeams, ["Player1", "Carol, Dave"])

        mouseClick(Finder.byText(page, "Add ally team"))
        compare(form.allyTeams.length, 3)
        tryVerify(() => allyTeamFields(page).length === 3)
        fields = allyTeamFields(page)
        replaceText(fields[2], "Erin")
        keyClick(Qt.Key_Tab)
        compare(form.allyTeams, ["Player1", "Carol, Dave", "Erin"])

        // The first ally team's remove button, once the page is laid out again for the third ally team (before,
        // its position is the old layout's, and the click lands elsewhere).
        waitForRendering(page)
        mouseClick(Finder.find(page, item => item.text === "✕"))
        compare(form.allyTeams, ["Carol, Dave", "Erin"])
        tryCompare(allyTeamFields(page)[0], "text", "Carol, Dave")
    }

    function test_typingFromOneAllyTeamIntoTheNext() {
        // As a user fills the form: type, click into the next field, type, leave it.
        const page = createTemporaryObject(pageComponent, testCase)
        replaceText(allyTeamFields(page)[0], "Alice")
        mouseClick(allyTeamFields(page)[1])
        keySequence(StandardKey.SelectAll)
        for (const key of "Bob")
            keyClick(key)
        keyClick(Qt.Key_Tab)
        compare(form.allyTeams, ["Alice", "Bob"])
    }

    function test_emptyGameShowsTheFieldError() {
        const page = createTemporaryObject(pageComponent, testCase)
        const game = nameBoxes(page)[0]
        verify(game)
        // A new page shows what the form holds (the box clears itself when created, then shows it again).
        tryCompare(game, "editText", "MiniGame 1.0")
        compare(form.gameName, "MiniGame 1.0")
        replaceText(game.contentItem, "")
        compare(form.gameName, "")

        mouseClick(Finder.byText(page, "Start battle"))
        compare(startFailed.count, 1)
        compare(started.count, 0)
        const message = form.errors.gameName
        verify(message && message.length > 0)
        const shown = Finder.find(page, item => item.text === message)
        verify(shown)
        verify(shown.visible)

        // The message follows the field.
        replaceText(game.contentItem, "MiniGame 1.0")
        compare(form.gameName, "MiniGame 1.0")
        verify(!form.errors.gameName)
        verify(!shown.visible)
    }

    function test_startShowsHowToJoin() {
        const page = createTemporaryObject(pageComponent, testCase)
        mouseClick(Finder.byText(page, "Start battle"))
        started.wait(15000)
        const result = form.lastResult
        compare(result.battleId, started.signalArguments[0][0])
        tryVerify(() => Finder.byText(page, "Battle started") !== null && Finder.byText(page, "Battle started").visible)
        for (const player of result.players)
            verify(Finder.find(page, item => item.text === player.password && item.visible), player.name)
    }

    function test_refusedStartIsShown() {
        // The form is fine, but the host takes no battles now: the reason must reach the operator.
        AppController.setDraining(true)
        const page = createTemporaryObject(pageComponent, testCase)
        mouseClick(Finder.byText(page, "Start battle"))
        startFailed.wait(10000)
        const reason = startFailed.signalArguments[0][0]
        verify(reason.length > 0)
        const shown = Finder.find(page, item => typeof item.text === "string" && item.text.includes(reason))
        verify(shown, "the reason \"" + reason + "\" is shown")
        verify(shown.visible)
    }
}
