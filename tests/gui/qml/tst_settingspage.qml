import QtQuick
import QtTest
import Autohost
import "finder.js" as Finder

// The configuration editor of the settings page over the app's real ConfigEditor (its file in the test's
// temporary directory): an edit reaches the editor, an invalid value shows under its field and blocks Save.
TestCase {
    id: testCase
    name: "SettingsPage"
    when: windowShown
    // A TestCase is invisible unless told otherwise; the items under test live in it and take input.
    visible: true
    width: 1200
    height: 900

    readonly property var editor: AppController.settings

    Component {
        id: pageComponent
        SettingsPage {
            width: testCase.width
            height: testCase.height
        }
    }

    function findField(page, key) {
        return Finder.find(page, item => item.key === key && item.editor !== undefined && item.error !== undefined)
    }
    // The list creates its rows as it grows, over a few frames.
    function field(page, key) {
        tryVerify(() => findField(page, key) !== null && input(findField(page, key)) !== null)
        return findField(page, key)
    }
    // The field's text editor.
    function input(configField) {
        return Finder.find(configField, item => item.echoMode !== undefined && item.placeholderText !== undefined)
    }
    function errorLabel(configField) {
        return Finder.find(configField, item => item.text === configField.error && item.wrapMode !== undefined)
    }
    function enter(configField, text) {
        const editorField = input(configField)
        verify(editorField)
        editorField.forceActiveFocus()
        keySequence(StandardKey.SelectAll)
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
        keyClick(Qt.Key_Return)
    }

    function cleanup() {
        editor.reload()
    }

    function test_editingSetsTheValue() {
        const page = createTemporaryObject(pageComponent, testCase)
        const maxBattles = field(page, "maxBattles")
        verify(maxBattles)
        verify(maxBattles.value !== 7)
        verify(!editor.dirty)
        const save = Finder.byText(page, "Save")
        verify(!save.enabled)

        enter(maxBattles, "7")
        compare(maxBattles.value, 7)
        compare(maxBattles.error, "")
        verify(editor.dirty)
        verify(editor.valid)
        verify(save.enabled)
    }

    function test_invalidValueShowsTheErrorAndBlocksSave() {
        const page = createTemporaryObject(pageComponent, testCase)
        const maxBattles = field(page, "maxBattles")
        const save = Finder.byText(page, "Save")
        enter(maxBattles, "0")
        verify(maxBattles.error.length > 0)
        const shown = errorLabel(maxBattles)
        verify(shown)
        verify(shown.visible)
        verify(!editor.valid)
        verify(editor.dirty)
        verify(!save.enabled)
        verify(Finder.byText(page, editor.errorText).visible)

        enter(maxBattles, "abc")
        verify(maxBattles.error.length > 0)
        verify(!save.enabled)

        enter(maxBattles, "9")
        compare(maxBattles.error, "")
        verify(!errorLabel(maxBattles) || !errorLabel(maxBattles).visible)
        verify(save.enabled)
        mouseClick(save)
        verify(!editor.dirty)
        verify(editor.restartRequired)
        verify(Finder.byText(page, "Saved. Restart the autohost to use the new configuration.").visible)
        compare(maxBattles.value, 9)
    }

    function test_discardRestoresTheFields() {
        const page = createTemporaryObject(pageComponent, testCase)
        const maxPorts = field(page, "maxPortsUsed")
        verify(maxPorts)
        const before = maxPorts.value
        enter(maxPorts, "0")
        verify(maxPorts.error.length > 0)
        mouseClick(Finder.byText(page, "Discard changes"))
        compare(maxPorts.value, before)
        compare(maxPorts.error, "")
        compare(input(maxPorts).text, String(before))
    }
}
