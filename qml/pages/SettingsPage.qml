import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// The app's look and language, and the autohost configuration file (the one headless mode reads).
ScrollView {
    id: page

    readonly property var editor: AppController.settings
    contentWidth: availableWidth

    ConfirmDialog {
        id: restartConfirm
        title: qsTr("Restart the autohost?")
        message: qsTr("%n battle(s) are running. Restarting stops them: every engine is told to quit and players are disconnected.", "", AppController.currentBattles)
        confirmText: qsTr("Stop battles and restart")
        onAccepted: AppController.restart()
    }

    ColumnLayout {
        width: page.availableWidth
        spacing: Theme.padding

        Label {
            Layout.margins: Theme.padding
            Layout.bottomMargin: 0
            text: qsTr("Settings")
            font.pixelSize: Theme.titleSize
            font.bold: true
            Accessible.role: Accessible.Heading
        }

        Card {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            title: qsTr("Appearance")

            GridLayout {
                columns: 2
                columnSpacing: Theme.padding
                Label { text: qsTr("Theme") }
                ComboBox {
                    Layout.preferredWidth: 220
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "system", text: qsTr("Like the system") },
                        { value: "light", text: qsTr("Light") },
                        { value: "dark", text: qsTr("Dark") }
                    ]
                    Component.onCompleted: currentIndex = indexOfValue(AppController.preferences.theme)
                    // A new language makes a new model, which resets the selection.
                    onModelChanged: currentIndex = indexOfValue(AppController.preferences.theme)
                    onActivated: AppController.preferences.theme = currentValue
                    Accessible.name: qsTr("Theme")
                }
                Label { text: qsTr("Language") }
                ComboBox {
                    Layout.preferredWidth: 220
                    textRole: "name"
                    valueRole: "code"
                    model: [{ code: "", name: qsTr("Like the system") }].concat(AppController.preferences.languages)
                    Component.onCompleted: currentIndex = indexOfValue(AppController.preferences.language)
                    // A new language makes a new model, which resets the selection.
                    onModelChanged: currentIndex = indexOfValue(AppController.preferences.language)
                    onActivated: AppController.preferences.language = currentValue
                    Accessible.name: qsTr("Language")
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.bottomMargin: Theme.padding
            title: qsTr("Autohost configuration")

            Label {
                Layout.fillWidth: true
                text: qsTr("Saved to %1. Headless mode reads the same file; changes apply when the autohost starts again.").arg(page.editor.filePath)
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            RowLayout {
                Layout.fillWidth: true
                Button {
                    text: qsTr("Save")
                    enabled: page.editor.dirty && page.editor.valid
                    highlighted: true
                    onClicked: page.editor.save()
                }
                Button {
                    text: qsTr("Discard changes")
                    enabled: page.editor.dirty
                    onClicked: page.editor.reload()
                }
                Button {
                    visible: page.editor.restartRequired && page.editor.valid
                    text: AppController.currentBattles > 0 ? qsTr("Restart (stops %n battle(s))", "", AppController.currentBattles) : qsTr("Restart now")
                    onClicked: AppController.currentBattles > 0 ? restartConfirm.open() : AppController.restart()
                }
                Label {
                    Layout.fillWidth: true
                    text: !page.editor.valid ? page.editor.errorText
                          : page.editor.restartRequired ? qsTr("Saved. Restart the autohost to use the new configuration.") : ""
                    color: page.editor.valid ? Theme.good : Theme.bad
                    wrapMode: Text.Wrap
                }
            }

            ListView {
                id: fields
                Layout.fillWidth: true
                Layout.preferredHeight: contentHeight
                interactive: false
                model: page.editor
                spacing: 2
                section.property: "group"
                section.delegate: Label {
                    required property string section
                    topPadding: Theme.padding
                    text: qsTranslate("ConfigKey", section)
                    font.bold: true
                    font.pixelSize: Theme.headingSize
                }
                delegate: ConfigField {
                    width: fields.width
                    editor: page.editor
                }
            }
        }
    }
}
