import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// Running and recent battles in a sortable, filterable table.
Item {
    id: page

    signal openBattle(string battleId)

    readonly property var battles: AppController.battles
    // Column roles and widths; the last text column takes what is left.
    readonly property var columns: [
        { role: "battleState", title: qsTr("State"), width: 110 },
        { role: "battleId", title: qsTr("Battle"), width: 90 },
        { role: "engineVersion", title: qsTr("Engine"), width: 150 },
        { role: "gameName", title: qsTr("Game"), width: 0 },
        { role: "mapName", title: qsTr("Map"), width: 150 },
        { role: "playersJoined", title: qsTr("Players"), width: 70 },
        { role: "uptimeSeconds", title: qsTr("Uptime"), width: 80 },
        { role: "port", title: qsTr("Port"), width: 60 },
        { role: "pid", title: qsTr("PID"), width: 70 },
        { role: "cpuPercent", title: qsTr("CPU"), width: 65 },
        { role: "memoryBytes", title: qsTr("Memory"), width: 80 }
    ]

    function columnWidth(index, total) {
        const fixed = columns.reduce((sum, column) => sum + column.width, 0)
        return columns[index].width > 0 ? columns[index].width : Math.max(120, total - fixed)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                text: qsTr("Battles")
                font.pixelSize: Theme.titleSize
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Item { Layout.fillWidth: true }
            TextField {
                id: filterField
                Layout.preferredWidth: 280
                placeholderText: qsTr("Filter by id, engine, game, map…")
                text: page.battles.filterText
                onTextEdited: page.battles.filterText = text
                selectByMouse: true
                Accessible.name: qsTr("Filter battles")
            }
            ComboBox {
                id: stateFilter
                Layout.preferredWidth: 150
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "all", text: qsTr("All battles") },
                    { value: "active", text: qsTr("Active") },
                    { value: "ended", text: qsTr("Ended") }
                ]
                Component.onCompleted: currentIndex = indexOfValue(page.battles.stateFilter)
                // A new language makes a new model, which resets the selection.
                onModelChanged: currentIndex = indexOfValue(page.battles.stateFilter)
                onActivated: page.battles.stateFilter = currentValue
                Accessible.name: qsTr("Show battles")
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 1
                spacing: 0

                Row {
                    id: headerRow
                    Layout.fillWidth: true
                    Layout.preferredHeight: 30
                    leftPadding: Theme.spacing

                    Repeater {
                        model: page.columns
                        delegate: SortHeader {
                            required property var modelData
                            required property int index
                            width: page.columnWidth(index, headerRow.width - Theme.spacing)
                            height: headerRow.height
                            text: modelData.title
                            role: modelData.role
                            sortModel: page.battles
                        }
                    }
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 1
                    color: Theme.border
                }

                ListView {
                    id: table
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: page.battles
                    keyNavigationEnabled: true
                    activeFocusOnTab: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.role: Accessible.Table
                    Accessible.name: qsTr("Battles")

                    Keys.onReturnPressed: if (currentItem) page.openBattle(currentItem.battleId)
                    Keys.onEnterPressed: if (currentItem) page.openBattle(currentItem.battleId)

                    delegate: ItemDelegate {
                        id: row

                        required property int index
                        required property string battleId
                        required property string battleState
                        required property string engineVersion
                        required property string gameName
                        required property string mapName
                        required property int playersJoined
                        required property int playersTotal
                        required property real uptimeSeconds
                        required property int port
                        required property var pid
                        required property real cpuPercent
                        required property var memoryBytes

                        width: table.width
                        height: 34
                        highlighted: ListView.isCurrentItem && table.activeFocus
                        Accessible.role: Accessible.Row
                        Accessible.name: qsTr("Battle %1, %2, %3 on %4").arg(Format.shortId(battleId)).arg(Format.battleState(battleState)).arg(gameName).arg(mapName)
                        onClicked: {
                            table.currentIndex = index
                            page.openBattle(battleId)
                        }

                        background: Rectangle {
                            color: row.highlighted ? Theme.selection : (row.hovered ? Theme.surfaceAlt : (row.index % 2 ? Theme.surfaceAlt : Theme.surface))
                        }
                        contentItem: Row {
                            id: cells
                            readonly property real total: table.width - Theme.spacing
                            readonly property var texts: [
                                "",
                                Format.shortId(row.battleId),
                                row.engineVersion,
                                row.gameName,
                                row.mapName,
                                row.playersJoined + " / " + row.playersTotal,
                                Format.duration(row.uptimeSeconds),
                                row.port > 0 ? row.port : "–",
                                row.pid > 0 ? row.pid : "–",
                                Format.percent(row.cpuPercent),
                                Format.bytes(row.memoryBytes)
                            ]
                            Repeater {
                                model: page.columns.length
                                delegate: Item {
                                    required property int index
                                    width: page.columnWidth(index, cells.total)
                                    height: row.height - 8
                                    StateChip {
                                        visible: index === 0
                                        anchors.verticalCenter: parent.verticalCenter
                                        text: Format.battleState(row.battleState)
                                        tint: Format.battleStateColor(row.battleState, Theme)
                                    }
                                    Label {
                                        visible: index > 0
                                        anchors.fill: parent
                                        anchors.rightMargin: 6
                                        verticalAlignment: Text.AlignVCenter
                                        text: cells.texts[index]
                                        elide: Text.ElideRight
                                        font.family: index === 1 ? "monospace" : Qt.application.font.family
                                    }
                                }
                            }
                        }
                    }

                    Label {
                        anchors.centerIn: parent
                        visible: table.count === 0
                        width: parent.width * 0.7
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.textMuted
                        text: page.battles.filterText.length > 0 || page.battles.stateFilter !== "all"
                              ? qsTr("No battle matches the filter.")
                              : AppController.localMode ? qsTr("No battles yet. Start one from “New battle”.")
                                                        : qsTr("No battles yet. The lobby server starts them here when players are matched.")
                    }
                }
            }
        }
    }
}
