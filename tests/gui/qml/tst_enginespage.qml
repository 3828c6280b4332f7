import QtQuick
import QtTest
import Autohost
import "finder.js" as Finder

// The install field of the engines page: what the installer would refuse shows under the field, and Install
// stays disabled. (Nothing is installed here: the CDN is not the test's.)
TestCase {
    id: testCase
    name: "EnginesPage"
    when: windowShown
    // A TestCase is invisible unless told otherwise; the items under test live in it and take input.
    visible: true
    width: 1000
    height: 700

    Component {
        id: pageComponent
        EnginesPage {
            width: testCase.width
            height: testCase.height
        }
    }

    readonly property var problems: ["empty", "not a valid engine version", "already available", "already being installed"]

    function type(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    function shownProblem(page) {
        const label = Finder.find(page, item => problems.includes(item.text) && item.visible)
        return label ? label.text : ""
    }

    function test_invalidVersion_data() {
        return [
            { tag: "outside the engines directory", version: "../2025.06.22", problem: "not a valid engine version" },
            { tag: "with a slash", version: "engines/x", problem: "not a valid engine version" },
            { tag: "installed already", version: "2025.06.22", problem: "already available" },
            { tag: "only blanks", version: "  ", problem: "empty" }
        ]
    }

    function test_invalidVersion(data) {
        const page = createTemporaryObject(pageComponent, testCase)
        const field = Finder.byPlaceholder(page, "Engine version, e.g. 2025.06.22")
        const install = Finder.byText(page, "Install")
        verify(field)
        verify(install)
        verify(!install.enabled)
        compare(shownProblem(page), "")

        mouseClick(field)
        type(data.version)
        compare(field.text, data.version)
        compare(AppController.installs.validateVersion(data.version.trim()), data.problem)
        compare(shownProblem(page), data.problem)
        verify(!install.enabled)
        // Enter does not install either.
        keyClick(Qt.Key_Return)
        compare(AppController.installs.count, 0)
    }

    function test_validVersionEnablesInstall() {
        const page = createTemporaryObject(pageComponent, testCase)
        const field = Finder.byPlaceholder(page, "Engine version, e.g. 2025.06.22")
        const install = Finder.byText(page, "Install")
        mouseClick(field)
        type("../2031.01.01")
        verify(!install.enabled)
        keyClick(Qt.Key_Home)
        keyClick(Qt.Key_Delete)
        keyClick(Qt.Key_Delete)
        keyClick(Qt.Key_Delete)
        compare(field.text, "2031.01.01")
        compare(shownProblem(page), "")
        verify(install.enabled)
    }
}
