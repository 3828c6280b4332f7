import QtQuick
import QtTest
import Autohost

// The question before a destructive action: only its confirm button accepts.
TestCase {
    id: testCase
    name: "ConfirmDialog"
    when: windowShown
    // A TestCase is invisible unless told otherwise; the items under test live in it and take input.
    visible: true
    width: 800
    height: 600

    ConfirmDialog {
        id: dialog
        message: "Kill battle 1234abcd?"
        confirmText: "Kill"
    }
    SignalSpy {
        id: accepted
        target: dialog
        signalName: "accepted"
    }
    SignalSpy {
        id: rejected
        target: dialog
        signalName: "rejected"
    }

    function button(text) {
        const buttons = dialog.footer.contentChildren
        for (let i = 0; i < buttons.length; ++i) {
            if (buttons[i].text === text)
                return buttons[i]
        }
        return null
    }
    function openDialog() {
        dialog.open()
        tryCompare(dialog, "opened", true)
    }

    function init() {
        accepted.clear()
        rejected.clear()
    }
    function cleanup() {
        dialog.close()
        tryCompare(dialog, "visible", false)
    }

    function test_confirmButtonAccepts() {
        openDialog()
        compare(dialog.contentItem.text, "Kill battle 1234abcd?")
        verify(button("Kill"))
        mouseClick(button("Kill"))
        compare(accepted.count, 1)
        compare(rejected.count, 0)
        tryCompare(dialog, "visible", false)
    }

    function test_cancelDoesNothing() {
        openDialog()
        verify(button("Cancel"))
        mouseClick(button("Cancel"))
        compare(accepted.count, 0)
        compare(rejected.count, 1)
        tryCompare(dialog, "visible", false)
    }

    function test_escapeDoesNotAccept() {
        openDialog()
        keyClick(Qt.Key_Escape)
        tryCompare(dialog, "visible", false)
        compare(accepted.count, 0)
    }

    function test_clickOutsideDoesNotAccept() {
        openDialog()
        mouseClick(testCase, 5, 5)
        compare(accepted.count, 0)
    }
}
