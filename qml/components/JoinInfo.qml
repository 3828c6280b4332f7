import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// Local mode: what players need to join this battle — address, port, and each one's password.
Card {
    id: info

    property string battleId
    property var players
    property int port

    title: qsTr("How players join")

    Label {
        Layout.fillWidth: true
        text: qsTr("Address %1, port %2. Each player connects with their name and password:").arg(AppController.hostAddress).arg(info.port)
        wrapMode: Text.Wrap
    }
    Repeater {
        model: info.players
        delegate: RowLayout {
            required property string name
            required property string password
            Layout.fillWidth: true
            Label {
                text: name
                Layout.preferredWidth: 140
                elide: Text.ElideRight
            }
            Label {
                text: password
                font.family: "monospace"
                Layout.fillWidth: true
            }
            ToolButton {
                text: qsTr("Copy")
                Accessible.name: qsTr("Copy the password of %1").arg(name)
                onClicked: AppController.copyToClipboard(password)
            }
        }
    }
}
