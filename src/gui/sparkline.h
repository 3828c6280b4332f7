#pragma once

#include <QColor>
#include <QList>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

// A small line chart of a series of values, oldest first, scaled to the item: the dashboard's activity over
// the last hour. Painted with QPainter so it also renders with the software scene graph.
class Sparkline : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QList<qreal> values READ values WRITE setValues NOTIFY valuesChanged)
    // Number of points the width stands for; fewer values are drawn right-aligned (the newest at the right).
    Q_PROPERTY(int capacity READ capacity WRITE setCapacity NOTIFY capacityChanged)
    // The value at the top; 0 scales to the largest value (at least 1).
    Q_PROPERTY(qreal maximum READ maximum WRITE setMaximum NOTIFY maximumChanged)
    Q_PROPERTY(qreal scaleMaximum READ scaleMaximum NOTIFY valuesChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)
    Q_PROPERTY(QColor gridColor READ gridColor WRITE setGridColor NOTIFY colorChanged)

public:
    explicit Sparkline(QQuickItem *parent = nullptr);

    QList<qreal> values() const { return m_values; }
    void setValues(const QList<qreal> &values);
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    qreal maximum() const { return m_maximum; }
    void setMaximum(qreal maximum);
    qreal scaleMaximum() const;
    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    QColor gridColor() const { return m_gridColor; }
    void setGridColor(const QColor &color);

    void paint(QPainter *painter) override;

signals:
    void valuesChanged();
    void capacityChanged();
    void maximumChanged();
    void colorChanged();

private:
    QList<qreal> m_values;
    int m_capacity = 360;
    qreal m_maximum = 0;
    QColor m_color = QColor(0x1f, 0x6f, 0xd6);
    QColor m_gridColor = QColor(0xd5, 0xd9, 0xdf);
};
