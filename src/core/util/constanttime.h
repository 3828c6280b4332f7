#pragma once

#include <QByteArrayView>

// Whether a secret and what a client offered are equal, taking the same time wherever they differ: the time
// depends only on the offered text's length, so response times tell an attacker nothing about how much of a
// guess was right (nor the secret's length).
bool constantTimeEquals(QByteArrayView secret, QByteArrayView offered);
