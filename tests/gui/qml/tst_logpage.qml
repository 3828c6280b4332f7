import QtQuick
import QtTest
import Autohost
import "finder.js" as Finder

// The log page shows each line the autohost logs, whole, in the colour of its level.
TestCase {
    id: testCase
    name: "LogPage"
    when: windowShown
    // A TestCase is invisible unless told otherwise; the items under test live in it and take input.
    visible: true
    width: 1000
    height: 700

    LogPage {
        id: page
        anchors.fill: parent
    }

    function shownLine(message) {
        return Finder.find(page, item => typeof item.text === "string" && item.text.endsWith(message)
                                         && item.text.includes("autohost.test"))
    }

    function test_linesShowTheirTextInTheColourOfTheirLevel_data() {
        return [
            { tag: "debug", colour: Theme.textMuted },
            { tag: "info", colour: Theme.text },
            { tag: "warning", colour: Theme.warning },
            { tag: "error", colour: Theme.bad },
        ]
    }

    function test_linesShowTheirTextInTheColourOfTheirLevel(data) {
        const message = "log page test: a line at level " + data.tag + " " + Date.now()
        testSetup.log(data.tag, message)
        tryVerify(() => shownLine(message) !== null, 5000, "not shown: " + message)
        const line = shownLine(message)
        verify(line.text.includes(data.tag.toUpperCase()), line.text)
        verify(Qt.colorEqual(line.color, data.colour), "colour " + line.color + " for " + data.tag)
    }
}
