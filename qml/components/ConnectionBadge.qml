import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// The lobby connection in a few words, with a coloured dot.
RowLayout {
    id: badge

    spacing: Theme.spacing

    readonly property string state: AppController.connectionState
    readonly property color stateColor: {
        switch (state) {
        case "connected": return Theme.good
        case "local": return Theme.accent
        case "waiting": return Theme.bad
        default: return Theme.warning
        }
    }
    readonly property string stateText: {
        switch (state) {
        case "local": return qsTr("Local mode")
        case "authenticating": return qsTr("Signing in…")
        case "connecting": return qsTr("Connecting…")
        case "connected": return qsTr("Connected")
        case "waiting": return qsTr("Retrying in %n s", "", AppController.nextRetrySeconds)
        case "stopping": return qsTr("Disconnecting…")
        default: return qsTr("Disconnected")
        }
    }

    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Lobby connection: %1").arg(stateText)

    Rectangle {
        width: 10
        height: 10
        radius: 5
        color: badge.stateColor
    }
    Label {
        Layout.fillWidth: true
        text: badge.stateText
        elide: Text.ElideRight
    }
}
