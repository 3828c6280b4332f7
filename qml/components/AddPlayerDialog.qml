import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// Lets one more person into a running battle (as a spectator) and shows the password they join with.
Dialog {
    id: dialog

    property string battleId
    property var outcome: ({})

    title: qsTr("Add a player")
    anchors.centerIn: Overlay.overlay
    modal: true
    focus: true
    width: 420

    onOpened: {
        outcome = ({})
        nameField.clear()
        nameField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("The engine lets the new player in as a spectator. Give them the password below.")
            wrapMode: Text.Wrap
            color: Theme.textMuted
        }
        TextField {
            id: nameField
            Layout.fillWidth: true
            placeholderText: qsTr("Player name")
            enabled: !dialog.outcome.password
            Accessible.name: qsTr("Name of the player to add")
            onAccepted: addButton.clicked()
        }
        Label {
            Layout.fillWidth: true
            visible: (dialog.outcome.error || "").length > 0
            text: dialog.outcome.error || ""
            color: Theme.bad
            wrapMode: Text.Wrap
        }
        RowLayout {
            visible: (dialog.outcome.password || "").length > 0
            Label { text: qsTr("Password:") }
            TextField {
                Layout.fillWidth: true
                readOnly: true
                text: dialog.outcome.password || ""
                font.family: "monospace"
                selectByMouse: true
                Accessible.name: qsTr("Password of the added player")
            }
            Button {
                text: qsTr("Copy")
                onClicked: AppController.copyToClipboard(dialog.outcome.password)
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            id: addButton
            text: qsTr("Add")
            visible: !dialog.outcome.password
            enabled: nameField.text.trim().length > 0
            onClicked: AppController.addPlayer(dialog.battleId, nameField.text.trim(), outcome => dialog.outcome = outcome)
        }
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
