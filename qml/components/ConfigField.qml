import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// One configuration key: name, description, an editor that fits its kind, and its validation message.
RowLayout {
    id: field

    required property string key
    required property string kind
    required property var value
    required property var defaultValue
    required property string description
    required property string error
    required property bool inFile
    required property bool secret
    property var editor

    spacing: Theme.padding

    ColumnLayout {
        Layout.preferredWidth: 330
        Layout.maximumWidth: 330
        Layout.alignment: Qt.AlignTop
        spacing: 0
        Label {
            text: field.key
            font.family: "monospace"
            font.bold: field.inFile
        }
        Label {
            Layout.fillWidth: true
            // The loader's descriptions are marked for translation in context ConfigKey.
            text: qsTranslate("ConfigKey", field.description)
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.preferredWidth: 400
        spacing: 2

        Loader {
            Layout.fillWidth: true
            sourceComponent: {
                switch (field.kind) {
                case "boolean": return switchEditor
                case "optionalBoolean": return optionalEditor
                case "list":
                case "object": return areaEditor
                default: return lineEditor
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: field.error.length > 0
            text: field.error
            color: Theme.bad
            wrapMode: Text.Wrap
        }
    }

    ToolButton {
        Layout.alignment: Qt.AlignTop
        text: qsTr("Default")
        enabled: field.inFile
        Accessible.name: qsTr("Reset %1 to its default").arg(field.key)
        onClicked: field.editor.resetToDefault(field.key)
    }

    Component {
        id: lineEditor
        TextField {
            text: field.value === undefined || field.value === null ? "" : String(field.value)
            placeholderText: field.defaultValue === undefined || field.defaultValue === null ? "" : String(field.defaultValue)
            echoMode: field.secret ? TextInput.PasswordEchoOnEdit : TextInput.Normal
            inputMethodHints: field.kind === "integer" || field.kind === "number" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
            selectByMouse: true
            Accessible.name: field.key
            onEditingFinished: if (text !== String(field.value)) field.editor.setValue(field.key, text)
        }
    }
    Component {
        id: switchEditor
        Switch {
            checked: field.value === true
            Accessible.name: field.key
            onToggled: field.editor.setValue(field.key, checked)
        }
    }
    Component {
        id: optionalEditor
        ComboBox {
            textRole: "text"
            valueRole: "value"
            model: [
                { value: "", text: qsTr("Automatic") },
                { value: "true", text: qsTr("Yes") },
                { value: "false", text: qsTr("No") }
            ]
            currentIndex: field.value === true ? 1 : field.value === false ? 2 : 0
            // A new language makes a new model, which resets the selection: bind it again.
            onModelChanged: currentIndex = Qt.binding(() => field.value === true ? 1 : field.value === false ? 2 : 0)
            Accessible.name: field.key
            onActivated: field.editor.setValue(field.key, currentValue)
        }
    }
    Component {
        id: areaEditor
        TextArea {
            text: field.value === undefined || field.value === null ? "" : String(field.value)
            placeholderText: field.kind === "list" ? qsTr("One entry per line") : qsTr("JSON object")
            font.family: "monospace"
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            Accessible.name: field.key
            // Tab moves on, as from the other fields, rather than typing a tab into the value.
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            background: Rectangle {
                color: Theme.surface
                border.color: parent.activeFocus ? Theme.accent : Theme.border
                radius: 3
            }
            onEditingFinished: if (text !== String(field.value)) field.editor.setValue(field.key, text)
        }
    }
}
