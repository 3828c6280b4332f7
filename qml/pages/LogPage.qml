import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// What the autohost logs, as headless mode writes it, searchable.
Item {
    id: page

    readonly property var log: AppController.log

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Log")
                font.pixelSize: Theme.titleSize
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Item { Layout.fillWidth: true }
            TextField {
                Layout.preferredWidth: 280
                placeholderText: qsTr("Search the log…")
                selectByMouse: true
                text: page.log.searchText
                onTextEdited: page.log.searchText = text
                Accessible.name: qsTr("Search the log")
            }
            ComboBox {
                Layout.preferredWidth: 170
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: 0, text: qsTr("Everything") },
                    { value: 1, text: qsTr("Info and above") },
                    { value: 2, text: qsTr("Warnings and errors") },
                    { value: 3, text: qsTr("Errors only") }
                ]
                Component.onCompleted: currentIndex = indexOfValue(page.log.minimumLevel)
                // A new language makes a new model, which resets the selection.
                onModelChanged: currentIndex = indexOfValue(page.log.minimumLevel)
                onActivated: page.log.minimumLevel = currentValue
                Accessible.name: qsTr("Log levels to show")
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ListView {
                id: lines
                anchors.fill: parent
                anchors.margins: 4
                clip: true
                model: page.log
                reuseItems: true
                cacheBuffer: 0
                activeFocusOnTab: true
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Log lines")

                property bool following: true
                onMovementEnded: following = atYEnd
                onCountChanged: if (following) Qt.callLater(positionViewAtEnd)
                // At capacity each batch drops as many old lines as it adds: the count stays, rows still come.
                Connections {
                    target: page.log
                    function onRowsInserted() {
                        if (lines.following)
                            Qt.callLater(lines.positionViewAtEnd)
                    }
                }

                // A plain Text whose text is one role: a screenful of these is rebound on every batch of a
                // flood, and each role that changes would lay the text out again. The role is called text and
                // the level is an int, so that rebinding writes no string declared in QML (each a JavaScript
                // string, garbage for the collector). No cache buffer: rebinding delegates nobody sees was a
                // fifth of a batch's time.
                delegate: Text {
                    required text
                    required property int level

                    width: lines.width - 12
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    font.family: "monospace"
                    font.pixelSize: 12
                    // LogRecord::Level: 0 debug, 1 info, 2 warning, 3 error.
                    color: level === 2 ? Theme.warning : level === 3 ? Theme.bad : level === 0 ? Theme.textMuted
                                                                                               : Theme.text
                }
            }
        }
    }
}
