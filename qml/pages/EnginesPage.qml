import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Autohost

// Engines this host can run, and installs: start one by version, watch its progress, retry a failed one.
ScrollView {
    id: page

    contentWidth: availableWidth

    function phaseText(phase) {
        switch (phase) {
        case "queued": return qsTr("Waiting for another install to finish")
        case "lookingUp": return qsTr("Looking up the download")
        case "downloading": return qsTr("Downloading")
        case "extracting": return qsTr("Unpacking")
        case "failed": return qsTr("Failed")
        }
        return phase
    }
    function originText(origin) {
        switch (origin) {
        case "installed": return qsTr("Installed")
        case "extra": return qsTr("Extra directory")
        case "system": return qsTr("System")
        }
        return origin
    }

    ColumnLayout {
        width: page.availableWidth
        spacing: Theme.padding

        Label {
            Layout.margins: Theme.padding
            Layout.bottomMargin: 0
            text: qsTr("Engines")
            font.pixelSize: Theme.titleSize
            font.bold: true
            Accessible.role: Accessible.Heading
        }

        Card {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            title: qsTr("Install an engine")

            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: versionField
                    Layout.fillWidth: true
                    placeholderText: qsTr("Engine version, e.g. 2025.06.22")
                    selectByMouse: true
                    Accessible.name: qsTr("Engine version to install")
                    onAccepted: if (installButton.enabled) installButton.clicked()
                }
                Button {
                    id: installButton
                    text: qsTr("Install")
                    enabled: versionField.text.length > 0 && versionProblem.text.length === 0
                    onClicked: {
                        AppController.installs.install(versionField.text.trim())
                        versionField.clear()
                    }
                }
            }
            Label {
                id: versionProblem
                Layout.fillWidth: true
                visible: text.length > 0
                text: versionField.text.length > 0 ? AppController.installs.validateVersion(versionField.text.trim()) : ""
                color: Theme.bad
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Engines come from the BAR file server and are unpacked into %1.").arg(AppController.enginesDir)
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            Repeater {
                model: AppController.installs
                delegate: ColumnLayout {
                    id: install

                    required property string version
                    required property string phase
                    required property real progress
                    required property var bytesDone
                    required property var bytesTotal
                    required property int attempt
                    required property int maxAttempts
                    required property string error

                    Layout.fillWidth: true
                    spacing: 4

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: install.version
                            font.bold: true
                        }
                        Label {
                            Layout.fillWidth: true
                            text: page.phaseText(install.phase) + (install.attempt > 1 ? qsTr(" (attempt %1 of %2)").arg(install.attempt).arg(install.maxAttempts) : "")
                            color: install.phase === "failed" ? Theme.bad : Theme.textMuted
                        }
                        Label {
                            visible: install.phase === "downloading" && install.bytesTotal > 0
                            text: qsTr("%1 of %2 (%3 %)").arg(Format.bytes(install.bytesDone)).arg(Format.bytes(install.bytesTotal)).arg(Math.round(100 * Math.max(0, install.progress)))
                            color: Theme.textMuted
                        }
                        Button {
                            visible: install.phase === "failed"
                            text: qsTr("Retry")
                            Accessible.name: qsTr("Retry installing %1").arg(install.version)
                            onClicked: AppController.installs.retry(install.version)
                        }
                    }
                    ProgressBar {
                        Layout.fillWidth: true
                        visible: install.phase !== "failed"
                        from: 0
                        to: 1
                        value: Math.max(0, install.progress)
                        indeterminate: install.progress < 0
                        Accessible.name: qsTr("Progress of %1").arg(install.version)
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: install.error.length > 0
                        text: install.error
                        color: Theme.bad
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.bottomMargin: Theme.padding
            title: qsTr("Available engines (%1)").arg(AppController.engines.count)

            Label {
                visible: AppController.engines.count === 0
                text: qsTr("No engine yet. Install one above, or put one into %1.").arg(AppController.enginesDir)
                color: Theme.textMuted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                model: AppController.engines
                delegate: RowLayout {
                    id: engine

                    required property string version
                    required property string origin
                    required property string path
                    required property int battlesUsing

                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("%1, %2").arg(version).arg(page.originText(origin))

                    Label {
                        text: engine.version
                        font.bold: true
                        Layout.preferredWidth: 220
                        elide: Text.ElideRight
                    }
                    StateChip {
                        text: page.originText(engine.origin)
                        tint: engine.origin === "installed" ? Theme.accent : Theme.textMuted
                    }
                    Label {
                        Layout.fillWidth: true
                        text: engine.path
                        color: Theme.textMuted
                        elide: Text.ElideMiddle
                        font.family: "monospace"
                        font.pixelSize: Theme.smallSize
                    }
                    Label {
                        text: engine.battlesUsing > 0 ? qsTr("in use by %n battle(s)", "", engine.battlesUsing) : qsTr("not in use")
                        color: engine.battlesUsing > 0 ? Theme.good : Theme.textMuted
                    }
                }
            }
        }
    }
}
