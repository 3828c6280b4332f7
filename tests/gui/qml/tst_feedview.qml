import QtQuick
import QtTest
import Autohost
import "finder.js" as Finder

// A real battle's feed (a local battle on the fake engine, with a join, a chat line and an operator note):
// the kind chips and the search field filter it, and the counts say how much shows.
TestCase {
    id: testCase
    name: "FeedView"
    when: windowShown
    // A TestCase is invisible unless told otherwise; the items under test live in it and take input.
    visible: true
    width: 900
    height: 600

    property string battleId
    property var feed: null

    FeedView {
        id: view
        anchors.fill: parent
        feed: testCase.feed
    }
    SignalSpy {
        id: started
        target: AppController.localBattle
        signalName: "started"
    }

    // FeedModel's roles, as numbered in feedmodel.h.
    readonly property int kindRole: Qt.UserRole + 3
    readonly property int textRole: Qt.UserRole + 7
    readonly property int lineRole: Qt.UserRole + 9

    function shownKinds() {
        const kinds = []
        for (let row = 0; row < feed.rowCount(); ++row)
            kinds.push(feed.data(feed.index(row, 0), kindRole))
        return kinds
    }
    function chip(text) {
        return Finder.find(view, item => item.checkable === true && item.text === text)
    }
    function countsLabel() {
        return Finder.find(view, item => typeof item.text === "string" && /^\d+ of \d+ lines$/.test(item.text))
    }
    function type(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function initTestCase() {
        const form = AppController.localBattle
        tryVerify(() => form.availableEngines.length > 0, 10000)
        form.gameName = "MiniGame 1.0"
        form.mapName = "MiniMap"
        form.resetPlayers()
        form.start()
        started.wait(15000)
        battleId = started.signalArguments[0][0]
        feed = AppController.feed(battleId)
        verify(feed)
        const answers = []
        AppController.sendCommand(battleId, "fakeplay join,0 chat,0,254,hello", error => answers.push(error))
        AppController.sendMessage(battleId, "welcome", error => answers.push(error))
        tryCompare(answers, "length", 2)
        compare(answers, ["", ""])
        tryVerify(() => {
            feed.flush()
            const kinds = shownKinds()
            return kinds.includes(1) && kinds.includes(2) && kinds.includes(32)
        }, 10000)
    }

    // Each line is drawn in the colour of its kind (chat, joins, operator notes are in this feed).
    function test_linesShowTheColourOfTheirKind() {
        const colours = { 1: Theme.text, 2: Theme.good, 4: Theme.textMuted, 8: Theme.accent, 16: Theme.warning,
                          32: Theme.accent }
        feed.flush()
        const kindsSeen = []
        for (let row = 0; row < feed.rowCount(); ++row) {
            const index = feed.index(row, 0)
            const kind = feed.data(index, kindRole)
            const text = feed.data(index, lineRole)
            tryVerify(() => Finder.byText(view, text) !== null, 2000, "not shown: " + text)
            const line = Finder.byText(view, text)
            verify(Qt.colorEqual(line.color, colours[kind]), "colour " + line.color + " for kind " + kind + ": " + text)
            kindsSeen.push(kind)
        }
        verify(kindsSeen.includes(1) && kindsSeen.includes(2) && kindsSeen.includes(32), JSON.stringify(kindsSeen))
    }

    function cleanup() {
        feed.kinds = 63
        feed.searchText = ""
        view.feed = Qt.binding(() => testCase.feed)
    }

    // Each line shows the model's whole line, time, author, text and detail, e.g. "12:34:56  Alice: hello".
    function test_linesShowTheLineRole() {
        feed.flush()
        const lines = []
        for (let row = 0; row < feed.rowCount(); ++row)
            lines.push(feed.data(feed.index(row, 0), lineRole))
        const chat = lines.find(line => /^\d\d:\d\d:\d\d  \S+: hello$/.test(line))
        verify(chat, "no chat line among " + JSON.stringify(lines))
        tryVerify(() => Finder.byText(view, chat) !== null)
        for (const line of lines)
            tryVerify(() => Finder.byText(view, line) !== null, 2000, "not shown: " + line)
    }

    function test_chipsToggleKinds() {
        const chat = chip("Chat")
        verify(chat)
        verify(chat.checked)
        const total = feed.totalCount
        compare(feed.count, total)

        mouseClick(chat)
        compare(feed.kinds, 63 & ~1)
        verify(!chat.checked)
        verify(!shownKinds().includes(1))
        verify(feed.count < total)
        compare(feed.totalCount, total)

        mouseClick(chip("Operator"))
        compare(feed.kinds, 63 & ~1 & ~32)
        verify(!shownKinds().includes(32))

        mouseClick(chat)
        compare(feed.kinds, 63 & ~32)
        verify(chat.checked)
        verify(shownKinds().includes(1))
    }

    function test_chipsFollowTheFeed() {
        mouseClick(chip("Chat"))
        verify(!chip("Chat").checked)
        // Kinds set elsewhere, and another battle's feed, show in the chips.
        feed.kinds = 63
        verify(chip("Chat").checked)
        feed.kinds = 2
        verify(!chip("Chat").checked)
        verify(chip("Joins and leaves").checked)
        view.feed = null
        verify(chip("Chat").checked)
    }

    function test_searchSetsSearchText() {
        const search = Finder.byPlaceholder(view, "Search the feed…")
        verify(search)
        mouseClick(search)
        type("hello")
        compare(feed.searchText, "hello")
        verify(feed.count >= 1)
        verify(feed.count < feed.totalCount)
        for (let row = 0; row < feed.rowCount(); ++row)
            verify(String(feed.data(feed.index(row, 0), textRole)).includes("hello"))

        type("zzz")
        compare(feed.searchText, "hellozzz")
        compare(feed.count, 0)
        verify(Finder.byText(view, "No line matches the filter.").visible)

        // Cleared elsewhere: the field follows.
        feed.searchText = ""
        compare(search.text, "")
    }

    function test_countsLabel() {
        const label = countsLabel()
        verify(label)
        compare(label.text, feed.totalCount + " of " + feed.totalCount + " lines")
        mouseClick(chip("Chat"))
        verify(feed.count < feed.totalCount)
        compare(label.text, feed.count + " of " + feed.totalCount + " lines")
    }
}
