import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// One figure with a caption under it.
ColumnLayout {
    id: tile

    property string value
    property string caption
    property color valueColor: Theme.text

    spacing: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: caption + ": " + value

    Label {
        text: tile.value
        color: tile.valueColor
        font.pixelSize: 26
        font.bold: true
    }
    Label {
        text: tile.caption
        color: Theme.textMuted
        font.pixelSize: Theme.smallSize
    }
}
