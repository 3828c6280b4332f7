import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// A titled panel; children go into its column.
Rectangle {
    id: card

    property string title
    default property alias content: column.data

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius
    implicitWidth: column.implicitWidth + 2 * Theme.padding
    implicitHeight: column.implicitHeight + 2 * Theme.padding

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        Label {
            visible: card.title.length > 0
            text: card.title
            font.pixelSize: Theme.headingSize
            font.bold: true
            Accessible.role: Accessible.Heading
        }
    }
}
