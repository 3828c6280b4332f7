import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// A battle's live feed: filter chips, search and the lines, following the newest unless scrolled up.
ColumnLayout {
    id: feedView

    property var feed

    // Kinds as FeedModel numbers them.
    readonly property var kinds: [
        { bit: 1, text: qsTr("Chat") },
        { bit: 2, text: qsTr("Joins and leaves") },
        { bit: 4, text: qsTr("Lua messages") },
        { bit: 8, text: qsTr("Game") },
        { bit: 16, text: qsTr("Engine") },
        { bit: 32, text: qsTr("Operator") }
    ]

    function kindColor(kind) {
        switch (kind) {
        case 1: return Theme.text
        case 2: return Theme.good
        case 4: return Theme.textMuted
        case 8: return Theme.accent
        case 16: return Theme.warning
        case 32: return Theme.accent
        }
        return Theme.text
    }

    spacing: Theme.spacing

    Flow {
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: feedView.kinds
            delegate: Button {
                required property var modelData
                checkable: true
                checked: feedView.feed ? (feedView.feed.kinds & modelData.bit) !== 0 : true
                text: modelData.text
                font.pixelSize: Theme.smallSize
                Accessible.name: qsTr("Show %1").arg(modelData.text)
                leftPadding: 10
                rightPadding: 10
                topPadding: 3
                bottomPadding: 3
                background: Rectangle {
                    radius: height / 2
                    color: parent.checked ? Theme.selection : Theme.surface
                    border.color: parent.visualFocus ? Theme.accent : parent.checked ? Theme.accent : Theme.border
                }
                contentItem: Label {
                    text: (parent.checked ? "✓ " : "") + parent.text
                    font: parent.font
                    color: parent.checked ? Theme.text : Theme.textMuted
                }
                onToggled: feedView.feed.kinds = checked ? (feedView.feed.kinds | modelData.bit) : (feedView.feed.kinds & ~modelData.bit)
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: search
            Layout.fillWidth: true
            placeholderText: qsTr("Search the feed…")
            selectByMouse: true
            text: feedView.feed ? feedView.feed.searchText : ""
            onTextEdited: feedView.feed.searchText = text
            Accessible.name: qsTr("Search the feed")
        }
        Label {
            color: Theme.textMuted
            text: feedView.feed ? qsTr("%1 of %2 lines").arg(feedView.feed.count).arg(feedView.feed.totalCount) : ""
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
            model: feedView.feed
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            reuseItems: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Battle feed")

            // Follows the newest line while the view is at the end.
            property bool following: true
            onMovementEnded: following = atYEnd
            onCountChanged: if (following) Qt.callLater(positionViewAtEnd)
            // At the maximum each batch drops as many old lines as it adds: the count stays, rows still come.
            Connections {
                target: feedView.feed || null
                function onRowsInserted() {
                    if (lines.following)
                        Qt.callLater(lines.positionViewAtEnd)
                }
            }

            // One plain Text per line, its text one role: under a flood each batch rebinds a screenful of
            // delegates, and a line's cost grows with its text items (layout, and the scene graph's nodes) and
            // with the roles its text is made of (a reused delegate gets them one by one, each a new layout).
            // Three Labels per line made those frames take the GUI thread over 16 ms (bench/feedviewbench). The
            // line role is the Text's own text property: a string property declared here would hold a
            // JavaScript string, garbage the collector then runs for every few batches.
            delegate: Text {
                required text
                required property int kind

                width: lines.width - 12
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: kind === 1 ? Theme.text : feedView.kindColor(kind)
                Accessible.role: Accessible.ListItem
                Accessible.name: text
            }

            Label {
                anchors.centerIn: parent
                visible: lines.count === 0
                color: Theme.textMuted
                text: feedView.feed && feedView.feed.totalCount > 0 ? qsTr("No line matches the filter.") : qsTr("Nothing has happened yet.")
            }
        }

        Button {
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: Theme.spacing
            visible: !lines.following
            text: qsTr("Follow newest")
            onClicked: {
                lines.following = true
                lines.positionViewAtEnd()
            }
        }
    }
}
