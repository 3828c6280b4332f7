import QtQuick
import QtQuick.Controls
import Autohost

// A short state word on a tinted background.
Rectangle {
    id: chip

    property string text
    property color tint: Theme.textMuted

    implicitWidth: label.implicitWidth + 14
    implicitHeight: label.implicitHeight + 4
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
