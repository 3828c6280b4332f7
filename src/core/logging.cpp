#include "logging.h"

Q_LOGGING_CATEGORY(lcConfig, "autohost.config")
Q_LOGGING_CATEGORY(lcTachyon, "autohost.tachyon")
Q_LOGGING_CATEGORY(lcRequests, "autohost.requests")
Q_LOGGING_CATEGORY(lcUpdates, "autohost.updates")
Q_LOGGING_CATEGORY(lcBattle, "autohost.battle")
Q_LOGGING_CATEGORY(lcEngine, "autohost.engine")
Q_LOGGING_CATEGORY(lcEngines, "autohost.engines")
