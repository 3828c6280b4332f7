import QtQuick
import QtQuick.Controls
import Autohost

// A column title that sorts its table by one role; a second click reverses the order.
AbstractButton {
    id: header

    property string role
    property var sortModel

    readonly property bool active: sortModel && sortModel.sortRoleName === role
    readonly property string arrow: active ? (sortModel.sortAscending ? " ▲" : " ▼") : ""

    focusPolicy: Qt.TabFocus
    Accessible.role: Accessible.ColumnHeader
    Accessible.name: text + (active ? (sortModel.sortAscending ? qsTr(", sorted ascending") : qsTr(", sorted descending")) : "")
    onClicked: sortModel.sortBy(role)

    contentItem: Label {
        text: header.text + header.arrow
        font.bold: true
        font.pixelSize: Theme.smallSize
        color: header.active ? Theme.accent : Theme.textMuted
        elide: Text.ElideRight
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        color: header.hovered ? Theme.surfaceAlt : "transparent"
        border.color: header.visualFocus ? Theme.accent : "transparent"
    }
}
