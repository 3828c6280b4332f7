import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// Local mode: start a battle on this machine from a form; passwords are generated for every player.
ScrollView {
    id: page

    readonly property var form: AppController.localBattle
    signal openBattle(string battleId)

    contentWidth: availableWidth

    // Why the last start failed, until the next one.
    property string startError

    function error(field) {
        return page.form.errors[field] || ""
    }

    // An editable ComboBox puts its current item's text over its edit text on its own (when its list changes,
    // when the language changes). What the operator types (here) or picks (onActivated) goes to the form, and so
    // does the first item found while the form has none; after any other reset the box shows the form's value
    // again.
    function takeEdit(box, formValue, setFormValue) {
        if (box.editText === formValue())
            return
        if (box.activeFocus || (formValue() === "" && box.currentIndex >= 0))
            setFormValue(box.editText)
        else
            Qt.callLater(() => box.editText = Qt.binding(formValue))
    }

    Connections {
        target: page.form
        function onStarted(battleId) {
            result.battleId = battleId
            page.startError = ""
        }
        function onStartFailed(reason) {
            page.startError = reason
        }
    }

    ColumnLayout {
        width: page.availableWidth
        spacing: Theme.padding

        Label {
            Layout.margins: Theme.padding
            Layout.bottomMargin: 0
            text: qsTr("New battle")
            font.pixelSize: Theme.titleSize
            font.bold: true
            Accessible.role: Accessible.Heading
        }

        Card {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            title: qsTr("Game")

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.padding
                rowSpacing: 4

                Label { text: qsTr("Engine") }
                ComboBox {
                    id: engineBox
                    Layout.fillWidth: true
                    model: page.form.availableEngines
                    currentIndex: Math.max(0, model.indexOf(page.form.engineVersion))
                    onActivated: page.form.engineVersion = currentText
                    Accessible.name: qsTr("Engine version")
                    displayText: count === 0 ? qsTr("No engine available: install one on the Engines page") : currentText
                }
                Item { width: 1; height: 1; visible: page.error("engineVersion").length > 0 }
                Label { visible: text.length > 0; text: page.error("engineVersion"); color: Theme.bad }

                Label { text: qsTr("Game") }
                ComboBox {
                    id: gameBox
                    Layout.fillWidth: true
                    editable: true
                    model: page.form.games
                    editText: page.form.gameName
                    onEditTextChanged: page.takeEdit(gameBox, () => page.form.gameName, text => page.form.gameName = text)
                    onActivated: page.form.gameName = currentText
                    Accessible.name: qsTr("Game name")
                    // The editor inside takes the keyboard focus: a screen reader reads its name.
                    Component.onCompleted: contentItem.Accessible.name = Qt.binding(() => Accessible.name)
                }
                Item { width: 1; height: 1; visible: page.error("gameName").length > 0 }
                Label { visible: text.length > 0; text: page.error("gameName"); color: Theme.bad }

                Label { text: qsTr("Map") }
                ComboBox {
                    id: mapBox
                    Layout.fillWidth: true
                    editable: true
                    model: page.form.maps
                    editText: page.form.mapName
                    onEditTextChanged: page.takeEdit(mapBox, () => page.form.mapName, text => page.form.mapName = text)
                    onActivated: page.form.mapName = currentText
                    Accessible.name: qsTr("Map name")
                    Component.onCompleted: contentItem.Accessible.name = Qt.binding(() => Accessible.name)
                }
                Item { width: 1; height: 1; visible: page.error("mapName").length > 0 }
                Label { visible: text.length > 0; text: page.error("mapName"); color: Theme.bad }

                Label { text: qsTr("Start positions") }
                ComboBox {
                    Layout.fillWidth: true
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "fixed", text: qsTr("Fixed (from the map)") },
                        { value: "random", text: qsTr("Random") },
                        { value: "chooseInGame", text: qsTr("Chosen in game") },
                        { value: "chooseBeforeGame", text: qsTr("Chosen before the game") }
                    ]
                    Component.onCompleted: currentIndex = indexOfValue(page.form.startPosType)
                    // A new language makes a new model, which resets the selection.
                    onModelChanged: currentIndex = indexOfValue(page.form.startPosType)
                    onActivated: page.form.startPosType = currentValue
                    Accessible.name: qsTr("Start position type")
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            title: qsTr("Teams")

            Label {
                Layout.fillWidth: true
                text: qsTr("One line per ally team; separate player names with commas. Every player gets a team of their own.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Repeater {
                // By count, so that editing one ally team does not rebuild the fields (and the focus) of all.
                model: page.form.allyTeams.length
                delegate: ColumnLayout {
                    id: allyTeam
                    required property int index
                    readonly property string names: page.form.allyTeams[allyTeam.index] || ""
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: qsTr("Ally team %1").arg(allyTeam.index + 1)
                            Layout.preferredWidth: 110
                        }
                        TextField {
                            Layout.fillWidth: true
                            text: allyTeam.names
                            placeholderText: qsTr("Player names, e.g. Alice, Bob")
                            selectByMouse: true
                            Accessible.name: qsTr("Players of ally team %1").arg(allyTeam.index + 1)
                            onEditingFinished: if (text !== allyTeam.names) page.form.setAllyTeam(allyTeam.index, text)
                        }
                        ToolButton {
                            text: "✕"
                            enabled: page.form.allyTeams.length > 1
                            Accessible.name: qsTr("Remove ally team %1").arg(allyTeam.index + 1)
                            onClicked: page.form.removeAllyTeam(allyTeam.index)
                        }
                    }
                    Label {
                        visible: text.length > 0
                        text: page.error("allyTeams." + allyTeam.index)
                        color: Theme.bad
                        Layout.leftMargin: 110
                    }
                }
            }
            Button {
                text: qsTr("Add ally team")
                onClicked: page.form.addAllyTeam()
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("Spectators")
                    Layout.preferredWidth: 110
                }
                TextField {
                    Layout.fillWidth: true
                    text: page.form.spectators
                    placeholderText: qsTr("Optional: names, separated by commas")
                    selectByMouse: true
                    Accessible.name: qsTr("Spectators")
                    onEditingFinished: if (text !== page.form.spectators) page.form.spectators = text
                }
            }
            Label {
                visible: text.length > 0
                text: page.error("spectators")
                color: Theme.bad
                Layout.leftMargin: 110
            }
        }

        RowLayout {
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Button {
                text: qsTr("Start battle")
                highlighted: true
                enabled: !page.form.busy
                onClicked: page.form.start()
            }
            BusyIndicator {
                running: page.form.busy
                visible: running
                implicitHeight: 32
                implicitWidth: 32
            }
            Label {
                Layout.fillWidth: true
                text: page.startError.length > 0 ? qsTr("The battle did not start: %1").arg(page.startError) : ""
                color: Theme.bad
                wrapMode: Text.Wrap
            }
        }

        Card {
            id: result
            property string battleId
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.bottomMargin: Theme.padding
            visible: battleId.length > 0 && (page.form.lastResult.battleId || "") === battleId
            title: qsTr("Battle started")

            Label {
                Layout.fillWidth: true
                text: qsTr("Players join at %1, port %2, with these names and passwords:").arg(page.form.lastResult.host || "").arg(page.form.lastResult.port || "")
                wrapMode: Text.Wrap
            }
            Repeater {
                model: page.form.lastResult.players || []
                delegate: RowLayout {
                    required property var modelData
                    Label {
                        text: modelData.name
                        Layout.preferredWidth: 160
                        elide: Text.ElideRight
                    }
                    Label {
                        text: modelData.spectator ? qsTr("spectator") : qsTr("ally team %1").arg(modelData.allyTeam + 1)
                        color: Theme.textMuted
                        Layout.preferredWidth: 110
                    }
                    Label {
                        text: modelData.password
                        font.family: "monospace"
                    }
                    ToolButton {
                        text: qsTr("Copy")
                        Accessible.name: qsTr("Copy the password of %1").arg(modelData.name)
                        onClicked: AppController.copyToClipboard(modelData.password)
                    }
                }
            }
            Button {
                text: qsTr("Open the battle")
                onClicked: page.openBattle(result.battleId)
            }
        }
    }
}
