import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// The host at a glance: lobby connection, capacity, engines and activity.
ScrollView {
    id: page

    contentWidth: availableWidth

    ColumnLayout {
        width: page.availableWidth
        spacing: Theme.padding

        Label {
            Layout.margins: Theme.padding
            Layout.bottomMargin: 0
            text: qsTr("Dashboard")
            font.pixelSize: Theme.titleSize
            font.bold: true
            Accessible.role: Accessible.Heading
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.padding
            columns: page.availableWidth > 1000 ? 3 : 2
            columnSpacing: Theme.padding
            rowSpacing: Theme.padding

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Lobby server")

                ConnectionBadge {}
                Label {
                    text: AppController.localMode
                          ? qsTr("No Tachyon server is configured: battles are started here, from “New battle”.")
                          : AppController.serverAddress
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: AppController.lastError.length > 0 && AppController.connectionState !== "connected"
                    text: qsTr("Last error: %1").arg(AppController.lastError)
                    color: Theme.bad
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                StatTile {
                    visible: !AppController.localMode
                    value: AppController.serverUserCount >= 0 ? AppController.serverUserCount.toLocaleString(Qt.locale(), "f", 0) : "–"
                    caption: qsTr("users on the server")
                }
            }

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Capacity")

                StatTile {
                    value: qsTr("%1 / %2").arg(AppController.currentBattles).arg(AppController.configuredMaxBattles)
                    caption: qsTr("battles running / maximum")
                }
                ProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: AppController.configuredMaxBattles
                    value: AppController.currentBattles
                    Accessible.name: qsTr("Capacity used")
                }
                Switch {
                    text: qsTr("Drain: accept no new battles")
                    checked: AppController.draining
                    onToggled: AppController.setDraining(checked)
                    Accessible.name: text
                }
            }

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Engines")

                StatTile {
                    value: AppController.engineVersions.length
                    caption: qsTr("engines available")
                }
                Label {
                    Layout.fillWidth: true
                    text: AppController.engineVersions.length > 0 ? AppController.engineVersions.join(", ") : qsTr("None yet: install one from the Engines page.")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.bottomMargin: Theme.padding
            columns: page.availableWidth > 900 ? 2 : 1
            columnSpacing: Theme.padding
            rowSpacing: Theme.padding

            Card {
                Layout.fillWidth: true
                title: qsTr("Running battles, last hour")

                StatTile {
                    value: AppController.currentBattles
                    caption: qsTr("now")
                }
                Sparkline {
                    id: battlesChart
                    Layout.fillWidth: true
                    Layout.preferredHeight: 90
                    values: AppController.metrics.battleSamples
                    capacity: AppController.metrics.windowSeconds / AppController.metrics.sampleIntervalSeconds
                    color: Theme.accent
                    gridColor: Theme.border
                    Accessible.role: Accessible.Chart
                    Accessible.name: qsTr("Running battles over the last hour")
                }
            }

            Card {
                Layout.fillWidth: true
                title: qsTr("Updates per second, last hour")

                RowLayout {
                    StatTile {
                        value: AppController.metrics.currentUpdateRate.toLocaleString(Qt.locale(), "f", 0)
                        caption: qsTr("now")
                    }
                    StatTile {
                        Layout.leftMargin: Theme.padding
                        value: AppController.metrics.peakUpdateRate.toLocaleString(Qt.locale(), "f", 0)
                        caption: qsTr("peak")
                    }
                }
                Sparkline {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 90
                    values: AppController.metrics.updateRateSamples
                    capacity: AppController.metrics.windowSeconds / AppController.metrics.sampleIntervalSeconds
                    color: Theme.good
                    gridColor: Theme.border
                    Accessible.role: Accessible.Chart
                    Accessible.name: qsTr("Updates per second over the last hour")
                }
            }
        }
    }
}
