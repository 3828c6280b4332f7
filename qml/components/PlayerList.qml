import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// A battle's players and spectators with their live state and per-player actions.
Rectangle {
    id: list

    property var players
    property bool actionsEnabled: true

    signal kick(string userId, string name)
    signal spec(string userId, string name)
    signal mute(string userId, bool chat, bool draw)

    function stateText(state, reason) {
        switch (state) {
        case "waiting": return qsTr("Not connected yet")
        case "joined": return qsTr("In game")
        case "defeated": return qsTr("Defeated")
        case "left":
            switch (reason) {
            case "kicked": return qsTr("Kicked")
            case "lost_connection": return qsTr("Lost connection")
            default: return qsTr("Left")
            }
        }
        return state
    }
    function stateColor(state) {
        switch (state) {
        case "joined": return Theme.good
        case "defeated": return Theme.warning
        case "left": return Theme.bad
        }
        return Theme.textMuted
    }

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ListView {
        id: view
        anchors.fill: parent
        anchors.margins: 4
        clip: true
        model: list.players
        activeFocusOnTab: true
        keyNavigationEnabled: true
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Players and spectators")

        section.property: "spectator"
        section.delegate: Label {
            required property string section
            width: view.width
            topPadding: 6
            bottomPadding: 2
            leftPadding: 6
            text: section === "true" ? qsTr("Spectators") : qsTr("Players")
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            font.bold: true
        }

        delegate: ItemDelegate {
            id: player

            required property int index
            required property string userId
            required property string name
            required property int team
            required property int allyTeam
            required property bool spectator
            required property string playerState
            required property string leftReason
            required property bool mutedChat
            required property bool mutedDraw

            width: view.width
            highlighted: ListView.isCurrentItem && view.activeFocus
            Accessible.name: qsTr("%1, %2").arg(name).arg(list.stateText(playerState, leftReason))
            onClicked: view.currentIndex = index

            contentItem: RowLayout {
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        text: player.name
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: player.spectator ? qsTr("spectator") : qsTr("ally team %1, team %2").arg(player.allyTeam).arg(player.team)
                        color: Theme.textMuted
                        font.pixelSize: Theme.smallSize
                    }
                }
                Label {
                    visible: player.mutedChat || player.mutedDraw
                    text: player.mutedChat && player.mutedDraw ? qsTr("muted") : player.mutedChat ? qsTr("chat muted") : qsTr("drawing muted")
                    color: Theme.warning
                    font.pixelSize: Theme.smallSize
                }
                StateChip {
                    text: list.stateText(player.playerState, player.leftReason)
                    tint: list.stateColor(player.playerState)
                }
                ToolButton {
                    text: "⋯"
                    enabled: list.actionsEnabled
                    Accessible.name: qsTr("Actions for %1").arg(player.name)
                    onClicked: menu.open()
                    Menu {
                        id: menu
                        MenuItem {
                            text: qsTr("Kick…")
                            onTriggered: list.kick(player.userId, player.name)
                        }
                        MenuItem {
                            text: qsTr("Make spectator…")
                            enabled: !player.spectator
                            onTriggered: list.spec(player.userId, player.name)
                        }
                        MenuSeparator {}
                        MenuItem {
                            text: qsTr("Mute chat")
                            checkable: true
                            checked: player.mutedChat
                            onTriggered: list.mute(player.userId, checked, player.mutedDraw)
                        }
                        MenuItem {
                            text: qsTr("Mute drawing")
                            checkable: true
                            checked: player.mutedDraw
                            onTriggered: list.mute(player.userId, player.mutedChat, checked)
                        }
                    }
                }
            }
        }
    }
}
