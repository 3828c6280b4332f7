// Qt Quick Test of the app's QML components (tests/gui/qml/tst_*.qml) against the real module and core.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include "qmltestsetup.h"

Q_IMPORT_QML_PLUGIN(AutohostPlugin)

QUICK_TEST_MAIN_WITH_SETUP(qml, QmlTestSetup)
