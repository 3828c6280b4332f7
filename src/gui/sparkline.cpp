#include "sparkline.h"

#include <algorithm>

#include <QPainter>
#include <QPainterPath>

Sparkline::Sparkline(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
}

void Sparkline::setValues(const QList<qreal> &values)
{
    if (values == m_values)
    {
        return;
    }
    m_values = values;
    emit valuesChanged();
    update();
}

void Sparkline::setCapacity(int capacity)
{
    capacity = std::max(2, capacity);
    if (capacity == m_capacity)
    {
        return;
    }
    m_capacity = capacity;
    emit capacityChanged();
    update();
}

void Sparkline::setMaximum(qreal maximum)
{
    if (qFuzzyCompare(maximum, m_maximum))
    {
        return;
    }
    m_maximum = maximum;
    emit maximumChanged();
    emit valuesChanged();
    update();
}

qreal Sparkline::scaleMaximum() const
{
    if (m_maximum > 0)
    {
        return m_maximum;
    }
    const auto largest = std::max_element(m_values.cbegin(), m_values.cend());
    return largest == m_values.cend() ? 1.0 : std::max<qreal>(1.0, *largest);
}

void Sparkline::setColor(const QColor &color)
{
    if (color == m_color)
    {
        return;
    }
    m_color = color;
    emit colorChanged();
    update();
}

void Sparkline::setGridColor(const QColor &color)
{
    if (color == m_gridColor)
    {
        return;
    }
    m_gridColor = color;
    emit colorChanged();
    update();
}

void Sparkline::paint(QPainter *painter)
{
    const QRectF area = boundingRect().adjusted(1, 1, -1, -1);
    painter->setPen(QPen(m_gridColor, 1));
    painter->drawLine(area.bottomLeft(), area.bottomRight());
    painter->drawLine(area.topLeft(), area.topRight());
    if (m_values.isEmpty() || area.width() <= 0 || area.height() <= 0)
    {
        return;
    }

    const qreal top = scaleMaximum();
    const qsizetype shown = std::min<qsizetype>(m_values.size(), m_capacity);
    const qsizetype first = m_values.size() - shown;
    const qreal step = area.width() / qreal(m_capacity - 1);
    const qreal startX = area.right() - step * qreal(shown - 1);
    auto pointAt = [&](qsizetype i)
    {
        const qreal value = std::clamp<qreal>(m_values.at(first + i), 0, top);
        return QPointF(startX + step * qreal(i), area.bottom() - value / top * area.height());
    };

    QPainterPath line(pointAt(0));
    for (qsizetype i = 1; i < shown; ++i)
    {
        line.lineTo(pointAt(i));
    }
    QPainterPath fill = line;
    fill.lineTo(pointAt(shown - 1).x(), area.bottom());
    fill.lineTo(startX, area.bottom());
    fill.closeSubpath();

    QColor fillColor = m_color;
    fillColor.setAlphaF(0.18f);
    painter->fillPath(fill, fillColor);
    painter->setPen(QPen(m_color, 1.5));
    painter->drawPath(line);
}
