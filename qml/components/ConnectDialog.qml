import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Autohost

// "Connect to autohost…": the address of a remote autohost's admin endpoint and its token. The autohost joins the
// saved list; the fleet overview then shows how its link goes.
Dialog {
    id: dialog

    // The field the last attempt found wrong ("host", "port", "token", "certificateFile") and why.
    property string errorField
    property string errorText

    signal connected()

    title: qsTr("Connect to autohost")
    anchors.centerIn: Overlay.overlay
    modal: true
    focus: true
    width: 520

    function reset() {
        nameField.clear()
        hostField.clear()
        portField.text = "8201"
        tokenField.clear()
        tlsBox.checked = false
        certificateField.clear()
        errorField = ""
        errorText = ""
    }
    function tryConnect() {
        const outcome = AppController.connectToAutohost(nameField.text, hostField.text, parseInt(portField.text) || 0,
                                                        tokenField.text, tlsBox.checked, certificateField.text)
        errorField = outcome.field || ""
        errorText = outcome.error || ""
        if (!errorText) {
            dialog.close()
            dialog.connected()
        }
    }

    onAboutToShow: {
        reset()
        hostField.forceActiveFocus()
    }

    FileDialog {
        id: certificateDialog
        title: qsTr("Certificate to trust")
        nameFilters: [qsTr("PEM certificates (*.pem *.crt)"), qsTr("All files (*)")]
        onAccepted: certificateField.text = selectedFile.toString()
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: Theme.padding
        rowSpacing: 4

        Label { text: qsTr("Name") }
        TextField {
            id: nameField
            Layout.fillWidth: true
            placeholderText: qsTr("Optional, e.g. Home server")
            selectByMouse: true
            Accessible.name: qsTr("Name of the autohost")
        }

        Label { text: qsTr("Host") }
        TextField {
            id: hostField
            Layout.fillWidth: true
            placeholderText: qsTr("Host name or IP address")
            selectByMouse: true
            Accessible.name: qsTr("Host of the autohost")
            onAccepted: dialog.tryConnect()
        }
        Item { width: 1; visible: dialog.errorField === "host" }
        Label {
            visible: dialog.errorField === "host"
            text: dialog.errorText
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Label { text: qsTr("Port") }
        TextField {
            id: portField
            Layout.fillWidth: true
            text: "8201"
            inputMethodHints: Qt.ImhDigitsOnly
            validator: IntValidator { bottom: 1; top: 65535 }
            selectByMouse: true
            Accessible.name: qsTr("Port of the admin endpoint")
            onAccepted: dialog.tryConnect()
        }
        Item { width: 1; visible: dialog.errorField === "port" }
        Label {
            visible: dialog.errorField === "port"
            text: dialog.errorText
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Label { text: qsTr("Token") }
        TextField {
            id: tokenField
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("From the admin-token file in the autohost's data directory")
            selectByMouse: true
            Accessible.name: qsTr("Admin token")
            onAccepted: dialog.tryConnect()
        }
        Item { width: 1; visible: dialog.errorField === "token" }
        Label {
            visible: dialog.errorField === "token"
            text: dialog.errorText
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Item { width: 1 }
        CheckBox {
            id: tlsBox
            text: qsTr("TLS (the autohost has adminTlsCertificate set)")
            Accessible.name: qsTr("Use TLS")
        }

        Label {
            text: qsTr("Certificate")
            enabled: tlsBox.checked
        }
        RowLayout {
            Layout.fillWidth: true
            enabled: tlsBox.checked
            TextField {
                id: certificateField
                Layout.fillWidth: true
                placeholderText: qsTr("Optional: a self-signed autohost's certificate")
                selectByMouse: true
                Accessible.name: qsTr("Certificate file to trust")
            }
            Button {
                text: qsTr("Browse…")
                Accessible.name: qsTr("Choose the certificate file")
                onClicked: certificateDialog.open()
            }
        }
        Item { width: 1; visible: dialog.errorField === "certificateFile" }
        Label {
            visible: dialog.errorField === "certificateFile"
            text: dialog.errorText
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Connect")
            enabled: hostField.text.trim().length > 0 && portField.acceptableInput
            Accessible.name: qsTr("Connect to the autohost")
            onClicked: dialog.tryConnect()
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
    }
}
