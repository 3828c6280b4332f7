import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// One battle: its players, its live feed and the operator's controls.
Item {
    id: page

    property string battleId
    property var info: ({})
    readonly property var players: battleId ? AppController.players(battleId) : null
    readonly property var feed: battleId ? AppController.feed(battleId) : null
    readonly property bool active: info.active === true
    property string lastError

    signal back()

    Keys.onEscapePressed: back()

    function refresh() {
        info = battleId ? AppController.battleInfo(battleId) : ({})
    }
    function report(error) {
        lastError = error
    }

    onBattleIdChanged: refresh()
    Timer {
        interval: 1000
        repeat: true
        running: page.visible && page.battleId.length > 0
        onTriggered: page.refresh()
    }

    ConfirmDialog {
        id: confirm
        property var action
        onAccepted: action()
    }
    function ask(message, confirmText, action) {
        confirm.title = qsTr("Please confirm")
        confirm.message = message
        confirm.confirmText = confirmText
        confirm.action = action
        confirm.open()
    }

    AddPlayerDialog {
        id: addPlayerDialog
        battleId: page.battleId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            ToolButton {
                text: "‹ " + qsTr("Battles")
                onClicked: page.back()
                Accessible.name: qsTr("Back to the battles")
            }
            Label {
                text: qsTr("Battle %1").arg(Format.shortId(page.battleId))
                font.pixelSize: Theme.titleSize
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Instance folder")
                // The files of a remote autohost are on its machine.
                visible: AppController.hostInProcess
                enabled: (page.info.instanceDir || "").length > 0
                onClicked: page.report(AppController.openInstanceFolder(page.battleId))
                Accessible.name: qsTr("Open the instance folder")
            }
            Button {
                text: qsTr("Engine log")
                visible: AppController.hostInProcess
                enabled: (page.info.engineLogPath || "").length > 0
                onClicked: page.report(AppController.openEngineLog(page.battleId))
                Accessible.name: qsTr("Open the engine log")
            }
            Button {
                id: killButton
                text: qsTr("Kill battle")
                enabled: page.active
                contentItem: Label {
                    text: killButton.text
                    color: killButton.enabled ? Theme.accentText : Theme.textMuted
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    implicitWidth: 100
                    implicitHeight: 28
                    radius: 3
                    color: !killButton.enabled ? Theme.surfaceAlt : killButton.down ? Qt.darker(Theme.bad, 1.2) : Theme.bad
                    border.color: killButton.visualFocus ? Theme.text : "transparent"
                    border.width: 2
                }
                Accessible.name: qsTr("Kill the battle")
                onClicked: page.ask(qsTr("Kill battle %1? The engine is told to quit and every player is disconnected.").arg(Format.shortId(page.battleId)),
                                    qsTr("Kill"), () => AppController.killBattle(page.battleId, page.report))
            }
        }

        // Anchors, not a RowLayout: a layout of a hidden page (StackLayout) keeps the chip as wide as its text
        // was when the page was hidden (Qt 6.4).
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(stateChip.implicitHeight, summary.implicitHeight)
            StateChip {
                id: stateChip
                anchors.verticalCenter: parent.verticalCenter
                text: Format.battleState(page.info.battleState)
                tint: Format.battleStateColor(page.info.battleState, Theme)
            }
            Label {
                id: summary
                anchors.left: stateChip.right
                anchors.leftMargin: Theme.spacing
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("%1 · %2 · engine %3 · port %4 · PID %5 · up %6")
                      .arg(page.info.gameName || "").arg(page.info.mapName || "").arg(page.info.engineVersion || "")
                      .arg(page.info.port > 0 ? page.info.port : "–").arg(page.info.pid > 0 ? page.info.pid : "–")
                      .arg(Format.duration(page.info.uptimeSeconds))
                color: Theme.textMuted
                elide: Text.ElideRight
            }
        }
        Label {
            Layout.fillWidth: true
            visible: (page.info.endDetails || "").length > 0
            text: page.info.endDetails || ""
            color: Theme.bad
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: page.lastError.length > 0
            text: page.lastError
            color: Theme.bad
            wrapMode: Text.Wrap
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                SplitView.preferredWidth: 420
                SplitView.minimumWidth: 300
                spacing: Theme.spacing

                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        text: page.players ? qsTr("Players (%1 of %2 connected)").arg(page.players.joinedCount).arg(page.players.count) : qsTr("Players")
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                    }
                    Item { Layout.fillWidth: true }
                    Button {
                        text: qsTr("Add player…")
                        enabled: page.active
                        onClicked: addPlayerDialog.open()
                    }
                }

                PlayerList {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    players: page.players
                    actionsEnabled: page.active
                    onKick: (userId, name) => page.ask(qsTr("Kick %1 from the battle?").arg(name), qsTr("Kick"),
                                                        () => AppController.kickPlayer(page.battleId, userId, page.report))
                    onSpec: (userId, name) => page.ask(qsTr("Make %1 a spectator? Their units are handed over or lost.").arg(name), qsTr("Make spectator"),
                                                        () => AppController.specPlayer(page.battleId, userId, page.report))
                    onMute: (userId, chat, draw) => AppController.mutePlayer(page.battleId, userId, chat, draw, page.report)
                }

                JoinInfo {
                    Layout.fillWidth: true
                    visible: AppController.localMode && page.active
                    battleId: page.battleId
                    players: page.players
                    port: page.info.port || 0
                }
            }

            ColumnLayout {
                SplitView.fillWidth: true
                spacing: Theme.spacing

                Label {
                    text: qsTr("Live feed")
                    font.pixelSize: Theme.headingSize
                    font.bold: true
                }
                FeedView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    feed: page.feed
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: message
                        Layout.fillWidth: true
                        enabled: page.active
                        placeholderText: qsTr("Message to everyone in the game")
                        selectByMouse: true
                        Accessible.name: qsTr("Message to send")
                        onAccepted: sendMessage.clicked()
                    }
                    Button {
                        id: sendMessage
                        text: qsTr("Send message")
                        enabled: page.active && message.text.length > 0
                        onClicked: AppController.sendMessage(page.battleId, message.text, error => {
                            page.report(error)
                            if (!error)
                                message.clear()
                        })
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: command
                        Layout.fillWidth: true
                        enabled: page.active
                        placeholderText: qsTr("Engine command, e.g. /cheat or luarules ping")
                        font.family: "monospace"
                        selectByMouse: true
                        Accessible.name: qsTr("Engine command to send")
                        onAccepted: sendCommand.clicked()
                    }
                    Button {
                        id: sendCommand
                        text: qsTr("Send command")
                        enabled: page.active && command.text.trim().length > 0
                        onClicked: AppController.sendCommand(page.battleId, command.text, error => {
                            page.report(error)
                            if (!error)
                                command.clear()
                        })
                    }
                }
            }
        }
    }
}
