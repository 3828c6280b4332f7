#include <QImage>
#include <QPainter>
#include <QTest>

#include "sparkline.h"

// The chart's drawing, painted straight into an image: where the line lies for given values.
class TestSparkline : public QObject
{
    Q_OBJECT

private:
    static constexpr QRgb Line = 0xffff0000;
    static constexpr QRgb Grid = 0xff00ff00;

    static QImage render(Sparkline &chart)
    {
        QImage image(int(chart.width()), int(chart.height()), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        chart.paint(&painter);
        return image;
    }

    static bool reddish(QRgb pixel) { return qRed(pixel) > 150 && qGreen(pixel) < 130 && qBlue(pixel) < 130; }

    // The topmost row where the column x shows the line, or -1.
    static int lineTop(const QImage &image, int x)
    {
        for (int y = 0; y < image.height(); ++y)
        {
            if (reddish(image.pixel(x, y)))
            {
                return y;
            }
        }
        return -1;
    }

    static void setUp(Sparkline &chart)
    {
        chart.setSize(QSizeF(101, 51));
        chart.setCapacity(5);
        chart.setColor(QColor::fromRgb(Line));
        chart.setGridColor(QColor::fromRgb(Grid));
    }

private slots:
    void scaleFollowsTheLargestValue()
    {
        Sparkline chart;
        chart.setValues({1, 4, 2});
        QCOMPARE(chart.scaleMaximum(), 4.0);
        chart.setValues({0, 0.5});
        QCOMPARE(chart.scaleMaximum(), 1.0);
        chart.setMaximum(10);
        QCOMPARE(chart.scaleMaximum(), 10.0);
    }

    void risingSeriesRisesToTheRight()
    {
        Sparkline chart;
        setUp(chart);
        chart.setValues({0, 5, 10, 5, 0});
        const QImage image = render(chart);
        const int left = lineTop(image, 2);
        const int middle = lineTop(image, 50);
        const int right = lineTop(image, 98);
        QVERIFY2(left > 40, qPrintable(QString::number(left)));
        QVERIFY2(middle >= 0 && middle < 8, qPrintable(QString::number(middle)));
        QVERIFY2(right > 40, qPrintable(QString::number(right)));
        QCOMPARE(image.pixel(50, 0) == Grid || image.pixel(50, 1) == Grid || reddish(image.pixel(50, 1)),
                 true);
    }

    void fewerValuesThanCapacityAreRightAligned()
    {
        Sparkline chart;
        setUp(chart);
        chart.setMaximum(10);
        chart.setValues({10, 10});
        const QImage image = render(chart);
        // Two of five points: the line covers only the last quarter of the width.
        QCOMPARE(lineTop(image, 20), -1);
        QVERIFY(lineTop(image, 90) >= 0 && lineTop(image, 90) < 5);
    }

    void valuesAboveTheMaximumAreClipped()
    {
        Sparkline chart;
        setUp(chart);
        chart.setMaximum(1);
        chart.setValues({0, 0, 0, 0, 50});
        const QImage image = render(chart);
        QVERIFY(lineTop(image, 99) >= 0 && lineTop(image, 99) < 4);
    }
};

QTEST_MAIN(TestSparkline)
#include "tst_sparkline.moc"
