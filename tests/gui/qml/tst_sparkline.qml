import QtQuick
import QtTest
import Autohost

TestCase {
    id: testCase
    name: "Sparkline"
    when: windowShown
    width: 200
    height: 100

    Sparkline {
        id: chart
        width: 100
        height: 50
        capacity: 5
        color: "#ff0000"
        gridColor: "#00ff00"
    }

    function test_scaleFollowsTheLargestValue() {
        chart.maximum = 0
        chart.values = [1, 4, 2]
        compare(chart.scaleMaximum, 4)
        chart.values = [0, 0.5]
        compare(chart.scaleMaximum, 1, "small values still scale to at least 1")
        chart.maximum = 10
        compare(chart.scaleMaximum, 10)
    }
}
