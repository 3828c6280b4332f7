import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// Every autohost the app watches, this computer's and the remote ones: link, lobby connection, capacity, battles
// and alerts. Opening one shows it in every other view.
ScrollView {
    id: page

    // The "Connect to autohost…" dialog, for whoever else opens it.
    readonly property alias connectDialog: connectDialog
    signal openHost(int row)

    contentWidth: availableWidth

    function linkText(state, ready) {
        switch (state) {
        case "attached": return qsTr("Attached")
        case "connecting": return ready ? qsTr("Reconnecting…") : qsTr("Connecting…")
        case "unauthorized": return qsTr("Token refused")
        case "unreachable": return qsTr("Unreachable")
        }
        return qsTr("Detached")
    }
    function linkColor(state) {
        switch (state) {
        case "attached": return Theme.good
        case "unauthorized":
        case "unreachable": return Theme.bad
        }
        return Theme.warning
    }
    function lobbyText(state) {
        switch (state) {
        case "local": return qsTr("Local mode")
        case "connected": return qsTr("Connected to the lobby")
        case "waiting": return qsTr("Lobby: retrying")
        case "": return qsTr("Lobby: unknown")
        }
        return qsTr("Lobby: connecting")
    }

    ColumnLayout {
        width: page.availableWidth
        spacing: Theme.padding

        RowLayout {
            Layout.margins: Theme.padding
            Layout.bottomMargin: 0
            Label {
                Layout.fillWidth: true
                text: qsTr("Autohosts")
                font.pixelSize: Theme.titleSize
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Button {
                text: qsTr("Connect to autohost…")
                Accessible.name: qsTr("Connect to a remote autohost")
                onClicked: connectDialog.open()
            }
        }

        Label {
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.fillWidth: true
            text: qsTr("Watch and steer autohosts that run elsewhere (headless on a server) through their admin endpoint. The list is kept for the next start.")
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.padding
            columns: page.availableWidth > 1000 ? 3 : page.availableWidth > 640 ? 2 : 1
            columnSpacing: Theme.padding
            rowSpacing: Theme.padding

            Repeater {
                model: AppController.fleet
                delegate: Card {
                    id: card

                    required property int index
                    required property string name
                    required property string address
                    required property bool inProcess
                    required property string linkState
                    required property string linkError
                    required property bool ready
                    required property string lobbyState
                    required property string serverAddress
                    required property bool localMode
                    required property int currentBattles
                    required property int maxBattles
                    required property bool draining
                    required property int crashedBattles
                    required property int failedInstalls

                    readonly property bool shown: AppController.currentHost === index

                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    border.color: shown ? Theme.accent : Theme.border
                    border.width: shown ? 2 : 1
                    Accessible.role: Accessible.Grouping
                    Accessible.name: qsTr("Autohost %1").arg(name)

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: card.name
                            font.pixelSize: Theme.headingSize
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        StateChip {
                            text: page.linkText(card.linkState, card.ready)
                            tint: page.linkColor(card.linkState)
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: card.inProcess ? qsTr("Runs in this app") : card.address
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.linkError.length > 0
                        text: card.linkError
                        color: Theme.bad
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.ready
                        text: card.localMode ? page.lobbyText("local")
                                             : page.lobbyText(card.lobbyState) + (card.serverAddress ? " · " + card.serverAddress : "")
                        elide: Text.ElideRight
                    }
                    RowLayout {
                        visible: card.ready
                        spacing: Theme.padding * 2
                        StatTile {
                            value: card.currentBattles
                            caption: qsTr("battles running")
                        }
                        StatTile {
                            value: card.draining ? qsTr("draining") : card.maxBattles
                            valueColor: card.draining ? Theme.warning : Theme.text
                            caption: qsTr("battles accepted")
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.crashedBattles > 0
                        text: qsTr("%n battle(s) crashed", "", card.crashedBattles)
                        color: Theme.bad
                        font.bold: true
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.failedInstalls > 0
                        text: qsTr("%n engine install(s) failed", "", card.failedInstalls)
                        color: Theme.bad
                        font.bold: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Button {
                            text: card.shown ? qsTr("Shown") : qsTr("Open")
                            highlighted: !card.shown
                            enabled: card.ready
                            Accessible.name: qsTr("Show autohost %1").arg(card.name)
                            onClicked: page.openHost(card.index)
                        }
                        Item { Layout.fillWidth: true }
                        Button {
                            visible: !card.inProcess
                            text: qsTr("Reconnect")
                            enabled: card.linkState !== "attached"
                            Accessible.name: qsTr("Reconnect to autohost %1").arg(card.name)
                            onClicked: AppController.reconnectAutohost(card.index)
                        }
                        Button {
                            visible: !card.inProcess
                            text: qsTr("Remove")
                            Accessible.name: qsTr("Remove autohost %1 from the list").arg(card.name)
                            onClicked: {
                                removeConfirm.row = card.index
                                removeConfirm.message = qsTr("Remove %1 from the list? The autohost keeps running; only this app stops watching it.").arg(card.name)
                                removeConfirm.open()
                            }
                        }
                    }
                }
            }
        }
    }

    ConnectDialog {
        id: connectDialog
        objectName: "connectDialog"
    }
    ConfirmDialog {
        id: removeConfirm
        property int row: -1
        title: qsTr("Remove autohost?")
        confirmText: qsTr("Remove")
        onAccepted: AppController.removeAutohost(row)
    }
}
