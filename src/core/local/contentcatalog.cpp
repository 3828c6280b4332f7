#include "local/contentcatalog.h"

ContentCatalog::ContentCatalog(const QStringList &configuredDataDirs, QObject *parent)
    : QObject(parent)
    , m_configuredDataDirs(configuredDataDirs)
{
    // The end of a scan is told once, with its result.
    connect(&m_scanner, &ContentScanner::scanningChanged, this,
            [this]
            {
                if (m_scanner.scanning())
                {
                    emit changed();
                }
            });
    connect(&m_scanner, &ContentScanner::finished, this,
            [this](const QStringList &games, const QStringList &maps)
            {
                m_games = games;
                m_maps = maps;
                emit changed();
            });
}

void ContentCatalog::scanOnce()
{
    if (!m_scanned)
    {
        scan();
    }
}

void ContentCatalog::scan()
{
    m_scanned = true;
    m_scanner.scan(ContentScanner::dataDirs(m_configuredDataDirs));
}
