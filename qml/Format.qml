pragma Singleton
import QtQuick

// How figures are written in the views.
QtObject {
    function duration(seconds) {
        if (seconds < 0 || seconds === undefined)
            return "–"
        const s = Math.floor(seconds % 60)
        const m = Math.floor(seconds / 60) % 60
        const h = Math.floor(seconds / 3600)
        const two = n => (n < 10 ? "0" : "") + n
        return h > 0 ? h + ":" + two(m) + ":" + two(s) : m + ":" + two(s)
    }

    function bytes(count) {
        if (count < 0 || count === undefined)
            return "–"
        if (count < 1024 * 1024)
            return qsTr("%1 KB").arg((count / 1024).toLocaleString(Qt.locale(), "f", 0))
        if (count < 1024 * 1024 * 1024)
            return qsTr("%1 MB").arg((count / 1048576).toLocaleString(Qt.locale(), "f", 1))
        return qsTr("%1 GB").arg((count / 1073741824).toLocaleString(Qt.locale(), "f", 2))
    }

    function percent(value) {
        if (value < 0 || value === undefined)
            return "–"
        return qsTr("%1 %").arg(value.toLocaleString(Qt.locale(), "f", 1))
    }

    function shortId(battleId) {
        return battleId ? battleId.substring(0, 8) : ""
    }

    function battleState(state) {
        switch (state) {
        case undefined: return ""
        case "starting": return qsTr("Starting")
        case "running": return qsTr("Running")
        case "stopping": return qsTr("Stopping")
        case "ended": return qsTr("Ended")
        case "crashed": return qsTr("Crashed")
        case "failed": return qsTr("Failed to start")
        }
        return state
    }

    function battleStateColor(state, theme) {
        switch (state) {
        case "running": return theme.good
        case "starting":
        case "stopping": return theme.warning
        case "crashed":
        case "failed": return theme.bad
        }
        return theme.textMuted
    }
}
