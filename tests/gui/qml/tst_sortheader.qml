import QtQuick
import QtTest
import Autohost

// Column headers over the app's real battles proxy: a click sorts by the header's role, a second click
// reverses the order, and the arrow and the accessible name tell which column sorts and how.
TestCase {
    id: testCase
    name: "SortHeader"
    when: windowShown
    // A TestCase is invisible unless told otherwise; the items under test live in it and take input.
    visible: true
    width: 400
    height: 100

    readonly property var battles: AppController.battles

    SortHeader {
        id: game
        width: 150
        height: 30
        text: "Game"
        role: "gameName"
        sortModel: testCase.battles
    }
    SortHeader {
        id: map
        x: 200
        width: 150
        height: 30
        text: "Map"
        role: "mapName"
        sortModel: testCase.battles
    }

    function cleanup() {
        battles.sortRoleName = ""
        battles.sortAscending = true
    }

    function test_clicksSortAndReverse() {
        compare(battles.sortRoleName, "")
        compare(game.contentItem.text, "Game")
        compare(game.Accessible.name, "Game")

        mouseClick(game)
        compare(battles.sortRoleName, "gameName")
        compare(battles.sortAscending, true)
        compare(game.contentItem.text, "Game ▲")
        compare(game.Accessible.name, "Game, sorted ascending")
        compare(map.contentItem.text, "Map")
        compare(map.Accessible.name, "Map")

        mouseClick(game)
        compare(battles.sortRoleName, "gameName")
        compare(battles.sortAscending, false)
        compare(game.contentItem.text, "Game ▼")
        compare(game.Accessible.name, "Game, sorted descending")

        // Another column starts ascending; the first one is no longer marked.
        mouseClick(map)
        compare(battles.sortRoleName, "mapName")
        compare(battles.sortAscending, true)
        compare(map.contentItem.text, "Map ▲")
        compare(game.contentItem.text, "Game")
        compare(game.Accessible.name, "Game")
    }

    function test_followsTheModel() {
        // Sorting set elsewhere (another view of the same proxy) shows here too.
        battles.sortBy("mapName")
        compare(map.contentItem.text, "Map ▲")
        battles.sortAscending = false
        compare(map.Accessible.name, "Map, sorted descending")
    }

    function test_keyboardSorts() {
        game.forceActiveFocus(Qt.TabFocusReason)
        verify(game.activeFocus)
        keyClick(Qt.Key_Space)
        compare(battles.sortRoleName, "gameName")
        keyClick(Qt.Key_Space)
        compare(battles.sortAscending, false)
    }
}
