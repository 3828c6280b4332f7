import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

ApplicationWindow {
    id: window

    width: 1280
    height: 800
    minimumWidth: 900
    minimumHeight: 560
    visible: true
    title: !AppController.hostInProcess ? qsTr("Autohost — %1").arg(AppController.hostName)
           : AppController.localMode ? qsTr("Autohost — local mode") : qsTr("Autohost — %1").arg(AppController.serverAddress)
    color: Theme.background

    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surfaceAlt
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.textMuted
    palette.mid: Theme.border
    palette.dark: Theme.border
    palette.light: Theme.surface
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text

    readonly property var pages: [
        { key: "dashboard", title: qsTr("Dashboard") },
        { key: "battles", title: qsTr("Battles") },
        { key: "newBattle", title: qsTr("New battle"), localOnly: true },
        { key: "engines", title: qsTr("Engines") },
        { key: "log", title: qsTr("Log") },
        { key: "settings", title: qsTr("Settings"), inProcessOnly: true },
        { key: "fleet", title: qsTr("Autohosts") }
    ].filter(page => (!page.localOnly || AppController.localMode) && (!page.inProcessOnly || AppController.hostInProcess))
    property string currentPage: "dashboard"
    property string openBattleId

    function showPage(key) {
        currentPage = key
        if (key !== "battle")
            openBattleId = ""
    }
    function openBattle(battleId) {
        openBattleId = battleId
        currentPage = "battle"
    }
    function showHost(row) {
        AppController.currentHost = row
        showPage("dashboard")
    }

    Connections {
        target: AppController
        // Another autohost's battles have other ids, and its pages may differ (no settings of a remote one).
        function onCurrentHostChanged() {
            if (window.currentPage === "battle" || !window.pages.some(page => page.key === window.currentPage))
                window.showPage("dashboard")
        }
    }

    onClosing: close => {
        if (AppController.shuttingDown)
            return
        close.accepted = false
        if (AppController.inProcessBattles > 0)
            quitConfirm.open()
        else
            AppController.quit()
    }

    ConfirmDialog {
        id: quitConfirm
        title: qsTr("Quit the autohost?")
        message: qsTr("%n battle(s) are running. Quitting stops them: every engine is told to quit and players are disconnected.", "", AppController.inProcessBattles)
        confirmText: qsTr("Stop battles and quit")
        onAccepted: AppController.quit()
    }

    Repeater {
        model: window.pages
        delegate: Item {
            required property var modelData
            required property int index
            Shortcut {
                sequence: "Ctrl+" + (index + 1)
                onActivated: window.showPage(modelData.key)
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            id: sidebar
            Layout.fillHeight: true
            Layout.preferredWidth: 210
            color: Theme.sidebar

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: 4

                Label {
                    text: qsTr("Autohost")
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    Layout.bottomMargin: Theme.spacing
                }

                ComboBox {
                    id: hostSwitcher
                    Layout.fillWidth: true
                    Layout.bottomMargin: Theme.spacing
                    visible: AppController.fleet.count > 1
                    model: AppController.fleet
                    textRole: "name"
                    currentIndex: AppController.currentHost
                    onActivated: index => window.showHost(index)
                    Accessible.name: qsTr("Autohost shown")
                    ToolTip.visible: hovered
                    ToolTip.delay: 800
                    ToolTip.text: qsTr("The autohost every view shows")
                }

                Repeater {
                    model: window.pages
                    delegate: ItemDelegate {
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        text: modelData.title
                        highlighted: window.currentPage === modelData.key || (modelData.key === "battles" && window.currentPage === "battle")
                        Accessible.name: qsTr("Show %1").arg(modelData.title)
                        focusPolicy: Qt.StrongFocus
                        ToolTip.visible: hovered
                        ToolTip.delay: 800
                        ToolTip.text: qsTr("%1 (Ctrl+%2)").arg(modelData.title).arg(index + 1)
                        onClicked: window.showPage(modelData.key)
                        background: Rectangle {
                            radius: Theme.radius
                            color: parent.highlighted ? Theme.accent : parent.hovered ? Theme.surfaceAlt : "transparent"
                            border.color: parent.visualFocus ? Theme.accent : "transparent"
                        }
                        contentItem: Label {
                            text: parent.text
                            color: parent.highlighted ? Theme.accentText : Theme.text
                            font.bold: parent.highlighted
                            verticalAlignment: Text.AlignVCenter
                        }
                    }
                }

                Item { Layout.fillHeight: true }

                Label {
                    visible: AppController.shuttingDown
                    text: qsTr("Stopping battles…")
                    color: Theme.warning
                }
                ConnectionBadge {
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Battles: %1 / %2").arg(AppController.currentBattles).arg(AppController.maxBattles)
                    color: Theme.textMuted
                    font.pixelSize: Theme.smallSize
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // The autohost shown is out of reach: what the views show is its last known state.
            Rectangle {
                Layout.fillWidth: true
                visible: AppController.linkState !== "attached"
                implicitHeight: banner.implicitHeight + 2 * Theme.spacing
                color: Qt.rgba(Theme.warning.r, Theme.warning.g, Theme.warning.b, 0.16)
                border.color: Theme.warning

                RowLayout {
                    id: banner
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    anchors.leftMargin: Theme.padding
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                        text: {
                            const name = AppController.hostName
                            switch (AppController.linkState) {
                            case "connecting": return qsTr("Connecting to %1…").arg(name)
                            case "unauthorized": return qsTr("%1 refused the token: %2").arg(name).arg(AppController.linkError)
                            default: return qsTr("No link to %1: %2. Showing its last known state; trying again.").arg(name).arg(AppController.linkError)
                            }
                        }
                    }
                    Button {
                        visible: AppController.linkState !== "connecting"
                        text: qsTr("Reconnect")
                        Accessible.name: qsTr("Reconnect to %1").arg(AppController.hostName)
                        onClicked: AppController.reconnectAutohost(AppController.currentHost)
                    }
                }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                readonly property var order: ["dashboard", "battles", "battle", "newBattle", "engines", "log", "settings", "fleet"]
                currentIndex: order.indexOf(window.currentPage)
                // The page shown takes the keyboard focus from the one hidden: Tab goes on from there, and keys
                // reach it (Escape on a battle).
                onCurrentIndexChanged: if (currentIndex >= 0) children[currentIndex].forceActiveFocus()

                DashboardPage {}
                BattlesPage {
                    onOpenBattle: battleId => window.openBattle(battleId)
                }
                BattleDetailPage {
                    battleId: window.openBattleId
                    onBack: window.showPage("battles")
                }
                Loader {
                    active: AppController.localMode && AppController.localBattle !== null
                    sourceComponent: NewBattlePage {
                        onOpenBattle: battleId => window.openBattle(battleId)
                    }
                }
                EnginesPage {}
                LogPage {}
                SettingsPage {}
                FleetPage {
                    onOpenHost: row => window.showHost(row)
                }
            }
        }
    }
}
