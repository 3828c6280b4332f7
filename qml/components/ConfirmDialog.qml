import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// Asks before a destructive action; accepted() runs it.
Dialog {
    id: dialog

    property string message
    property string confirmText: qsTr("Confirm")

    anchors.centerIn: Overlay.overlay
    modal: true
    focus: true
    width: 460

    contentItem: Label {
        text: dialog.message
        wrapMode: Text.Wrap
    }

    footer: DialogButtonBox {
        Button {
            text: dialog.confirmText
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: text
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
    }
}
