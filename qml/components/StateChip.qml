import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// A short state word on a tinted background.
Rectangle {
    id: chip

    property string text
    property color tint: Theme.textMuted

    implicitWidth: label.implicitWidth + 14
    implicitHeight: label.implicitHeight + 4
    // A row short of space must not squeeze the chip below its text.
    Layout.minimumWidth: implicitWidth
    radius: height / 2
    color: Qt.rgba(tint.r, tint.g, tint.b, 0.16)
    border.color: Qt.rgba(tint.r, tint.g, tint.b, 0.5)
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Label {
        id: label
        anchors.centerIn: parent
        text: chip.text
        color: chip.tint
        font.pixelSize: Theme.smallSize
        font.bold: true
    }
}
