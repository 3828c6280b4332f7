#pragma once

#include <QObject>
#include <QStringList>

#include "local/contentscanner.h"

// The games and maps in this host's data directories, the suggestions of the local battle form. Read when
// first asked for, so that a headless autohost whose form nobody opens reads no archive, and again when an
// operator asks; every view of the host (the desktop app's, the admin endpoint's) shares one reading.
class ContentCatalog : public QObject
{
    Q_OBJECT

public:
    // configuredDataDirs: the engineDataDirs setting; the directories the engine searches by itself are
    // added (ContentScanner::dataDirs) at each scan.
    explicit ContentCatalog(const QStringList &configuredDataDirs, QObject *parent = nullptr);

    QStringList games() const { return m_games; }
    QStringList maps() const { return m_maps; }
    bool scanning() const { return m_scanner.scanning(); }

    // Starts the first scan, unless there was one.
    void scanOnce();
    // Scans again (after the scan under way, if there is one).
    void scan();

signals:
    // A scan started or ended, or the games or maps changed.
    void changed();

private:
    QStringList m_configuredDataDirs;
    ContentScanner m_scanner;
    bool m_scanned = false;
    QStringList m_games;
    QStringList m_maps;
};
