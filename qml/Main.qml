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
    title: AppController.localMode ? qsTr("Autohost — local mode") : qsTr("Autohost — %1").arg(AppController.serverAddress)
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
    ]
    property string currentPage: "dashboard"

    function showPage(key) {
        currentPage = key
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

                Repeater {
                    model: window.pages
                    delegate: ItemDelegate {
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        text: modelData.title
                        highlighted: window.currentPage === modelData.key
                        Accessible.name: qsTr("Show %1").arg(modelData.title)
                        ToolTip.visible: hovered
                        ToolTip.delay: 800
                        ToolTip.text: qsTr("%1 (Ctrl+%2)").arg(modelData.title).arg(index + 1)
                        onClicked: window.showPage(modelData.key)
                    }
                }

                Item { Layout.fillHeight: true }

                ConnectionBadge {
                    Layout.fillWidth: true
                }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.pages.findIndex(page => page.key === window.currentPage)

            DashboardPage {}
        }
    }
}
