#pragma once

// A Prometheus counter: a value that only goes up, from 0, for the lifetime of the process.
class Counter
{
public:
    // Adds amount; a negative or NaN amount is ignored, as a counter never goes down.
    void increment(double amount = 1);
    double value() const { return m_value; }

private:
    double m_value = 0;
};
