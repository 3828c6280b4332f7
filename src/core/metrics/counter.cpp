#include "counter.h"

void Counter::increment(double amount)
{
    // Written so that NaN fails the test too.
    if (amount >= 0)
    {
        m_value += amount;
    }
}
