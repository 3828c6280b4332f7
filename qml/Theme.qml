pragma Singleton
import QtQuick
import Autohost

// Colours and sizes of the app, light or dark.
QtObject {
    id: theme

    property bool dark: AppController.preferences.dark

    readonly property color background: dark ? "#1b1e23" : "#f3f4f6"
    readonly property color surface: dark ? "#24282f" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#2b3038" : "#f7f8fa"
    readonly property color sidebar: dark ? "#15181c" : "#e8eaee"
    readonly property color border: dark ? "#3a404a" : "#d5d9df"
    readonly property color text: dark ? "#e6e8eb" : "#1d2127"
    readonly property color textMuted: dark ? "#9aa3ad" : "#5d6671"
    readonly property color accent: dark ? "#5aa2ff" : "#1f6fd6"
    // Text on the accent and on the bad colour (selected entries, highlighted and danger buttons): white on the
    // dark theme's light accent reads at a contrast of 2.6:1 only, this dark text at 6.8:1.
    readonly property color accentText: dark ? "#14181d" : "#ffffff"
    readonly property color good: dark ? "#4cc38a" : "#1e8a4f"
    readonly property color warning: dark ? "#e8b14c" : "#a86400"
    readonly property color bad: dark ? "#ff6b6b" : "#c62828"
    readonly property color selection: dark ? "#2f4a6e" : "#d6e6fb"

    readonly property int spacing: 8
    readonly property int padding: 12
    readonly property int radius: 6
    readonly property int titleSize: 20
    readonly property int headingSize: 15
    readonly property int smallSize: 11
}
