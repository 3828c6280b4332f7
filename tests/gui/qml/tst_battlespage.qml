import QtQuick
import QtTest
import Autohost
import "finder.js" as Finder

// The battles table: its filter field and state box drive the app's battles proxy, and the text over an
// empty table says why it is empty.
TestCase {
    id: testCase
    name: "BattlesPage"
    when: windowShown
    // A TestCase is invisible unless told otherwise; the items under test live in it and take input.
    visible: true
    width: 1200
    height: 700

    readonly property var battles: AppController.battles

    Component {
        id: pageComponent
        BattlesPage {
            width: testCase.width
            height: testCase.height
        }
    }
    SignalSpy {
        id: started
        target: AppController.localBattle
        signalName: "started"
    }

    function createPage() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        return page
    }
    function filterField(page) {
        return Finder.byPlaceholder(page, "Filter by id, engine, game, map…")
    }
    function stateBox(page) {
        return Finder.find(page, item => item.valueRole === "value" && item.displayText !== undefined)
    }
    function table(page) {
        return Finder.find(page, item => item.model === testCase.battles && item.currentIndex !== undefined)
    }
    function type(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    function chooseState(box, index) {
        mouseClick(box)
        tryCompare(box.popup, "opened", true)
        const entry = box.popup.contentItem.itemAtIndex(index)
        verify(entry)
        mouseClick(entry)
        tryCompare(box.popup, "visible", false)
    }

    function cleanup() {
        battles.filterText = ""
        battles.stateFilter = "all"
    }

    function test_emptyState() {
        // The app's first battle is started later in this file; the QML test files run in name order.
        compare(battles.count, 0, "no battle has been started before this test")
        const page = createPage()
        const empty = Finder.byText(page, "No battles yet. Start one from “New battle”.")
        verify(empty)
        verify(empty.visible)

        mouseClick(filterField(page))
        type("x")
        compare(empty.text, "No battle matches the filter.")
        keyClick(Qt.Key_Backspace)
        compare(battles.filterText, "")
        compare(empty.text, "No battles yet. Start one from “New battle”.")
        chooseState(stateBox(page), 2)
        compare(empty.text, "No battle matches the filter.")
    }

    function test_filterFieldSetsTheFilter() {
        const page = createPage()
        const field = filterField(page)
        verify(field)
        mouseClick(field)
        type("Mini Game")
        compare(battles.filterText, "Mini Game")
        keyClick(Qt.Key_Backspace)
        compare(battles.filterText, "Mini Gam")

        // Set elsewhere, the field shows it.
        battles.filterText = "map"
        compare(field.text, "map")
    }

    function test_rowsFollowTheFilter() {
        const form = AppController.localBattle
        tryVerify(() => form.availableEngines.length > 0, 10000)
        form.gameName = "Zeta Game 2"
        form.mapName = "MiniMap"
        form.resetPlayers()
        form.start()
        started.wait(15000)

        const page = createPage()
        const rows = table(page)
        verify(rows)
        tryCompare(rows, "count", battles.count)
        verify(rows.count >= 1)
        // The list announces its count when it lays out, so what depends on it follows a moment later.
        const empty = Finder.find(page, item => typeof item.text === "string" && item.text.startsWith("No battle"))
        verify(empty)
        tryCompare(empty, "visible", false)

        mouseClick(filterField(page))
        type("zeta")
        compare(rows.count, 1)
        tryCompare(empty, "visible", false)
        type("-nothing")
        compare(rows.count, 0)
        tryCompare(empty, "visible", true)
        compare(empty.text, "No battle matches the filter.")
    }

    function test_stateBoxSetsTheStateFilter() {
        const page = createPage()
        const box = stateBox(page)
        verify(box)
        compare(box.displayText, "All battles")
        chooseState(box, 1)
        compare(battles.stateFilter, "active")
        compare(box.displayText, "Active")
        chooseState(box, 2)
        compare(battles.stateFilter, "ended")
        chooseState(box, 0)
        compare(battles.stateFilter, "all")

        // A page opened later shows the filter in force.
        battles.stateFilter = "ended"
        compare(stateBox(createPage()).displayText, "Ended")
    }
}
