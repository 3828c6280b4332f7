import QtQuick
import QtTest
import Autohost
import "finder.js" as Finder

// The fleet page and its connect dialog: this computer's card, a refused address shown under its field with
// nothing added, and an accepted one becoming a card of its own.
TestCase {
    id: testCase
    name: "FleetPage"
    when: windowShown
    visible: true
    width: 1100
    height: 700

    Component {
        id: pageComponent
        FleetPage {
            width: testCase.width
            height: testCase.height
        }
    }

    // A ScrollView keeps what it declares in its contentData.
    function cards(page) {
        return Finder.findAll(page, item => item.hasOwnProperty("linkState") && item.hasOwnProperty("crashedBattles"))
    }

    function cleanup() {
        while (AppController.fleet.count > 1)
            AppController.removeAutohost(AppController.fleet.count - 1)
    }

    function test_thisComputerIsShown() {
        const page = createTemporaryObject(pageComponent, testCase)
        tryCompare(cards(page), "length", 1)
        const card = cards(page)[0]
        compare(card.name, "This computer")
        verify(card.inProcess)
        compare(card.linkState, "attached")
        verify(Finder.find(card, item => item.text === "Runs in this app" && item.visible))
        verify(Finder.find(card, item => item.text === "Shown" && item.visible))
        // Nothing to reconnect or remove for the app's own autohost.
        verify(!Finder.find(card, item => item.text === "Remove" && item.visible))
    }

    function test_connectDialog() {
        const page = createTemporaryObject(pageComponent, testCase)
        const dialog = page.connectDialog
        verify(dialog)
        Finder.byText(page, "Connect to autohost…").clicked()
        tryCompare(dialog, "opened", true)
        const host = Finder.byPlaceholder(dialog.contentItem, "Host name or IP address")
        const port = Finder.find(dialog.contentItem, item => item.text === "8201")
        verify(host)
        verify(port)

        // A URL is no host: the reason shows under the field and nothing is added.
        host.text = "https://vps.example.org"
        dialog.tryConnect()
        compare(dialog.errorField, "host")
        verify(Finder.find(dialog.contentItem, item => item.text === dialog.errorText && item.visible))
        compare(AppController.fleet.count, 1)
        verify(dialog.opened)

        // An address: added, the dialog closes, and a card shows its link.
        host.text = "127.0.0.1"
        port.text = "1"
        dialog.tryConnect()
        compare(dialog.errorText, "")
        tryCompare(dialog, "visible", false)
        compare(AppController.fleet.count, 2)
        tryCompare(cards(page), "length", 2)
        const card = cards(page)[1]
        compare(card.address, "127.0.0.1:1")
        compare(card.name, "127.0.0.1:1")
        tryCompare(card, "linkState", "unreachable", 10000)
        verify(Finder.find(card, item => item.text === "Unreachable" && item.visible))
        verify(Finder.find(card, item => item.text === "Remove" && item.visible))

        // Opened again, the dialog starts empty.
        dialog.open()
        tryCompare(dialog, "opened", true)
        compare(host.text, "")
        compare(dialog.errorText, "")
        dialog.close()
    }
}
