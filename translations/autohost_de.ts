<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddPlayerDialog</name>
    <message>
        <source>Add a player</source>
        <translation>Spieler hinzufügen</translation>
    </message>
    <message>
        <source>The engine lets the new player in as a spectator. Give them the password below.</source>
        <translation>Die Engine lässt den neuen Spieler als Zuschauer herein. Geben Sie ihm das Passwort unten.</translation>
    </message>
    <message>
        <source>Player name</source>
        <translation>Spielername</translation>
    </message>
    <message>
        <source>Name of the player to add</source>
        <translation>Name des hinzuzufügenden Spielers</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Password of the added player</source>
        <translation>Passwort des hinzugefügten Spielers</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>This battle has ended.</source>
        <translation>Diese Partie ist beendet.</translation>
    </message>
    <message>
        <source>You killed the battle.</source>
        <translation>Sie haben die Partie abgebrochen.</translation>
    </message>
    <message>
        <source>You kicked %1.</source>
        <translation>Sie haben %1 hinausgeworfen.</translation>
    </message>
    <message>
        <source>You made %1 a spectator.</source>
        <translation>Sie haben %1 zum Zuschauer gemacht.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s chat and drawing.</source>
        <translation>Sie haben Chat und Zeichnen von %1 stummgeschaltet.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s chat.</source>
        <translation>Sie haben den Chat von %1 stummgeschaltet.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s drawing.</source>
        <translation>Sie haben das Zeichnen von %1 stummgeschaltet.</translation>
    </message>
    <message>
        <source>You unmuted %1.</source>
        <translation>Sie haben die Stummschaltung von %1 aufgehoben.</translation>
    </message>
    <message>
        <source>You added %1 as a spectator.</source>
        <translation>Sie haben %1 als Zuschauer hinzugefügt.</translation>
    </message>
    <message>
        <source>You said: %1</source>
        <translation>Sie haben gesagt: %1</translation>
    </message>
    <message>
        <source>Type a command.</source>
        <translation>Geben Sie einen Befehl ein.</translation>
    </message>
    <message>
        <source>You sent the command: /%1</source>
        <translation>Sie haben den Befehl gesendet: /%1</translation>
    </message>
    <message>
        <source>%1 does not exist (yet).</source>
        <translation>%1 existiert (noch) nicht.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>No program to open %1 was found.</source>
        <translation>Kein Programm zum Öffnen von %1 gefunden.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>This autohost is in the list already.</source>
        <translation>Dieser Autohost ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>The autohost is not connected: %1</source>
        <translation>Der Autohost ist nicht verbunden: %1</translation>
    </message>
    <message>
        <source>The battle&apos;s files are on the machine of %1, not on this one.</source>
        <translation>Die Dateien der Partie liegen auf dem Rechner von %1, nicht auf diesem.</translation>
    </message>
</context>
<context>
    <name>BattleDetailPage</name>
    <message>
        <source>Please confirm</source>
        <translation>Bitte bestätigen</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Partien</translation>
    </message>
    <message>
        <source>Back to the battles</source>
        <translation>Zurück zu den Partien</translation>
    </message>
    <message>
        <source>Battle %1</source>
        <translation>Partie %1</translation>
    </message>
    <message>
        <source>Instance folder</source>
        <translation>Instanzordner</translation>
    </message>
    <message>
        <source>Open the instance folder</source>
        <translation>Instanzordner öffnen</translation>
    </message>
    <message>
        <source>Engine log</source>
        <translation>Engine-Log</translation>
    </message>
    <message>
        <source>Open the engine log</source>
        <translation>Engine-Log öffnen</translation>
    </message>
    <message>
        <source>Kill battle</source>
        <translation>Partie abbrechen</translation>
    </message>
    <message>
        <source>Kill the battle</source>
        <translation>Die Partie abbrechen</translation>
    </message>
    <message>
        <source>Kill battle %1? The engine is told to quit and every player is disconnected.</source>
        <translation>Partie %1 abbrechen? Die Engine wird beendet und alle Spieler werden getrennt.</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 · %2 · engine %3 · port %4 · PID %5 · up %6</source>
        <translation>%1 · %2 · Engine %3 · Port %4 · PID %5 · seit %6</translation>
    </message>
    <message>
        <source>Players (%1 of %2 connected)</source>
        <translation>Spieler (%1 von %2 verbunden)</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Add player…</source>
        <translation>Spieler hinzufügen…</translation>
    </message>
    <message>
        <source>Kick %1 from the battle?</source>
        <translation>%1 aus der Partie werfen?</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>Hinauswerfen</translation>
    </message>
    <message>
        <source>Make %1 a spectator? Their units are handed over or lost.</source>
        <translation>%1 zum Zuschauer machen? Die Einheiten werden übergeben oder gehen verloren.</translation>
    </message>
    <message>
        <source>Make spectator</source>
        <translation>Zum Zuschauer machen</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Live-Verlauf</translation>
    </message>
    <message>
        <source>Message to everyone in the game</source>
        <translation>Nachricht an alle im Spiel</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Zu sendende Nachricht</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Engine command, e.g. /cheat or luarules ping</source>
        <translation>Engine-Befehl, z. B. /cheat oder luarules ping</translation>
    </message>
    <message>
        <source>Engine command to send</source>
        <translation>Zu sendender Engine-Befehl</translation>
    </message>
    <message>
        <source>Send command</source>
        <translation>Befehl senden</translation>
    </message>
</context>
<context>
    <name>BattlesPage</name>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Battle</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Spiel</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Partien</translation>
    </message>
    <message>
        <source>Filter by id, engine, game, map…</source>
        <translation>Nach ID, Engine, Spiel, Karte filtern…</translation>
    </message>
    <message>
        <source>Filter battles</source>
        <translation>Partien filtern</translation>
    </message>
    <message>
        <source>All battles</source>
        <translation>Alle Partien</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Show battles</source>
        <translation>Angezeigte Partien</translation>
    </message>
    <message>
        <source>Battle %1, %2, %3 on %4</source>
        <translation>Partie %1, %2, %3 auf %4</translation>
    </message>
    <message>
        <source>No battle matches the filter.</source>
        <translation>Keine Partie passt zum Filter.</translation>
    </message>
    <message>
        <source>No battles yet. Start one from “New battle”.</source>
        <translation>Noch keine Partien. Starten Sie eine unter „Neue Partie“.</translation>
    </message>
    <message>
        <source>No battles yet. The lobby server starts them here when players are matched.</source>
        <translation>Noch keine Partien. Der Lobby-Server startet sie hier, sobald Spieler zusammengeführt sind.</translation>
    </message>
</context>
<context>
    <name>ConfigField</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Reset %1 to its default</source>
        <translation>%1 auf den Standardwert zurücksetzen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>One entry per line</source>
        <translation>Ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>ConfigKey</name>
    <message>
        <source>Host name or IP address of the Tachyon server, without scheme; empty: local mode</source>
        <translation>Hostname oder IP-Adresse des Tachyon-Servers, ohne Schema; leer: lokaler Modus</translation>
    </message>
    <message>
        <source>Port of the Tachyon server; unset: 443 with TLS, 80 without</source>
        <translation>Port des Tachyon-Servers; nicht gesetzt: 443 mit TLS, 80 ohne</translation>
    </message>
    <message>
        <source>Connect with TLS (https, wss); unset: TLS unless the server is localhost or a loopback address</source>
        <translation>Mit TLS verbinden (https, wss); nicht gesetzt: TLS, außer der Server ist localhost oder eine Loopback-Adresse</translation>
    </message>
    <message>
        <source>OAuth2 client id issued by the server&apos;s admins</source>
        <translation>OAuth2-Client-ID, vergeben von den Admins des Servers</translation>
    </message>
    <message>
        <source>OAuth2 client secret issued by the server&apos;s admins</source>
        <translation>OAuth2-Client-Secret, vergeben von den Admins des Servers</translation>
    </message>
    <message>
        <source>IPv4 or IPv6 address players connect to; required with a Tachyon server</source>
        <translation>IPv4- oder IPv6-Adresse, mit der sich Spieler verbinden; nötig mit einem Tachyon-Server</translation>
    </message>
    <message>
        <source>Longest wait between reconnection attempts, in seconds</source>
        <translation>Längste Wartezeit zwischen Verbindungsversuchen, in Sekunden</translation>
    </message>
    <message>
        <source>How often the server&apos;s user count is asked, in seconds</source>
        <translation>Wie oft die Benutzerzahl des Servers abgefragt wird, in Sekunden</translation>
    </message>
    <message>
        <source>Battles at once</source>
        <translation>Gleichzeitige Partien</translation>
    </message>
    <message>
        <source>Address the engines listen on for players</source>
        <translation>Adresse, auf der die Engines auf Spieler warten</translation>
    </message>
    <message>
        <source>First game port; each battle uses this plus its offset</source>
        <translation>Erster Spielport; jede Partie nutzt diesen plus ihren Versatz</translation>
    </message>
    <message>
        <source>First UDP port between the engines and the autohost, on 127.0.0.1</source>
        <translation>Erster UDP-Port zwischen den Engines und dem Autohost, auf 127.0.0.1</translation>
    </message>
    <message>
        <source>Number of port offsets in both ranges</source>
        <translation>Anzahl der Port-Versätze in beiden Bereichen</translation>
    </message>
    <message>
        <source>A battle running longer is stopped, in seconds</source>
        <translation>Eine Partie, die länger läuft, wird beendet, in Sekunden</translation>
    </message>
    <message>
        <source>Settings written to each battle&apos;s springsettings.cfg</source>
        <translation>Einstellungen, die in die springsettings.cfg jeder Partie geschrieben werden</translation>
    </message>
    <message>
        <source>Directory of the battles&apos; working directories</source>
        <translation>Verzeichnis für die Arbeitsverzeichnisse der Partien</translation>
    </message>
    <message>
        <source>Directory of installed engines, one directory per version</source>
        <translation>Verzeichnis der installierten Engines, ein Verzeichnis pro Version</translation>
    </message>
    <message>
        <source>Engines kept elsewhere, never written to: engine directories or directories of versions</source>
        <translation>Engines an anderen Orten, nie beschrieben: Engine-Verzeichnisse oder Verzeichnisse mit Versionen</translation>
    </message>
    <message>
        <source>Offer the system&apos;s engine too (Debian&apos;s spring package)</source>
        <translation>Auch die Engine des Systems anbieten (Debian-Paket spring)</translation>
    </message>
    <message>
        <source>Extra data directories (maps, games) for every engine</source>
        <translation>Zusätzliche Datenverzeichnisse (Karten, Spiele) für jede Engine</translation>
    </message>
    <message>
        <source>Where engines to install are looked up</source>
        <translation>Wo zu installierende Engines gesucht werden</translation>
    </message>
    <message>
        <source>Longest time for one download attempt of an engine archive, in seconds</source>
        <translation>Höchstdauer eines Downloadversuchs für ein Engine-Archiv, in Sekunden</translation>
    </message>
    <message>
        <source>Download attempts per engine install</source>
        <translation>Downloadversuche pro Engine-Installation</translation>
    </message>
    <message>
        <source>Wait before the second download attempt, doubling after, in milliseconds</source>
        <translation>Wartezeit vor dem zweiten Downloadversuch, danach jeweils verdoppelt, in Millisekunden</translation>
    </message>
    <message>
        <source>How long battle updates are kept for subscribers to replay, in seconds</source>
        <translation>Wie lange Partie-Updates für Abonnenten zum Nachspielen aufbewahrt werden, in Sekunden</translation>
    </message>
    <message>
        <source>How long an engine may take to start, in seconds</source>
        <translation>Wie lange eine Engine zum Starten brauchen darf, in Sekunden</translation>
    </message>
    <message>
        <source>After a stop request, how long an engine may take to quit before it is terminated, in seconds</source>
        <translation>Wie lange eine Engine nach einer Stopp-Anforderung zum Beenden brauchen darf, bevor sie abgebrochen wird, in Sekunden</translation>
    </message>
    <message>
        <source>Log lines as plain text or as JSON lines</source>
        <translation>Log-Zeilen als einfacher Text oder als JSON-Zeilen</translation>
    </message>
    <message>
        <source>Directory of the update journal, which lets the server replay updates across a restart and reports battles cut off by a crash; empty: no journal</source>
        <translation>Verzeichnis des Update-Journals, mit dem der Server Updates über einen Neustart hinweg nachspielen kann und durch einen Absturz abgebrochene Partien gemeldet werden; leer: kein Journal</translation>
    </message>
    <message>
        <source>Most disk space the update journal takes, in MiB; the oldest updates go first</source>
        <translation>Höchster Speicherplatz des Update-Journals in MiB; die ältesten Updates werden zuerst entfernt</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Partien</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Address and port of the admin endpoint (metrics, state, remote control), e.g. 127.0.0.1:8201; empty: no endpoint</source>
        <translation>Adresse und Port des Admin-Endpunkts (Metriken, Zustand, Fernsteuerung), z. B. 127.0.0.1:8201; leer: kein Endpunkt</translation>
    </message>
    <message>
        <source>Bearer token of the admin endpoint; unset: the one in the data directory&apos;s admin-token file, made on first run; empty: no authentication (loopback only)</source>
        <translation>Bearer-Token des Admin-Endpunkts; nicht gesetzt: der aus der Datei admin-token im Datenverzeichnis, beim ersten Start erzeugt; leer: keine Authentifizierung (nur Loopback)</translation>
    </message>
    <message>
        <source>Serve the Prometheus metrics without the token</source>
        <translation>Prometheus-Metriken ohne Token ausliefern</translation>
    </message>
    <message>
        <source>PEM certificate file for HTTPS on the admin endpoint; needs the key too</source>
        <translation>PEM-Zertifikatsdatei für HTTPS am Admin-Endpunkt; braucht auch den Schlüssel</translation>
    </message>
    <message>
        <source>PEM private key file of that certificate</source>
        <translation>PEM-Datei mit dem privaten Schlüssel dieses Zertifikats</translation>
    </message>
    <message>
        <source>Admin endpoint</source>
        <translation>Admin-Endpunkt</translation>
    </message>
    <message>
        <source>On SIGTERM, how long running battles may go on before they are stopped, in seconds; 0: stop them at once</source>
        <translation>Bei SIGTERM: wie lange laufende Partien weitergehen dürfen, bevor sie beendet werden, in Sekunden; 0: sofort beenden</translation>
    </message>
    <message>
        <source>Cores of each engine: all, spread (the least-used core each), spread:0-7, or cores such as 0-3,6</source>
        <translation>Kerne jeder Engine: all, spread (jeweils der am wenigsten genutzte Kern), spread:0-7 oder Kerne wie 0-3,6</translation>
    </message>
    <message>
        <source>Nice level of each engine, 0 to 19; 0: the autohost&apos;s own</source>
        <translation>Nice-Wert jeder Engine, 0 bis 19; 0: der des Autohosts</translation>
    </message>
    <message>
        <source>Address space limit of each engine, in megabytes; 0: none</source>
        <translation>Grenze des Adressraums jeder Engine, in Megabyte; 0: keine</translation>
    </message>
    <message>
        <source>Updates one battle may add per second after a burst of 5000; more are dropped</source>
        <translation>Aktualisierungen, die eine Partie nach einem Schub von 5000 pro Sekunde hinzufügen darf; weitere werden verworfen</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to autohost</source>
        <translation>Mit Autohost verbinden</translation>
    </message>
    <message>
        <source>Certificate to trust</source>
        <translation>Vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM-Zertifikate (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Optional, e.g. Home server</source>
        <translation>Optional, z. B. Heimserver</translation>
    </message>
    <message>
        <source>Name of the autohost</source>
        <translation>Name des Autohosts</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Host name or IP address</source>
        <translation>Hostname oder IP-Adresse</translation>
    </message>
    <message>
        <source>Host of the autohost</source>
        <translation>Host des Autohosts</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Port of the admin endpoint</source>
        <translation>Port des Admin-Endpunkts</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>From the admin-token file in the autohost&apos;s data directory</source>
        <translation>Aus der Datei admin-token im Datenverzeichnis des Autohosts</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Admin-Token</translation>
    </message>
    <message>
        <source>TLS (the autohost has adminTlsCertificate set)</source>
        <translation>TLS (im Autohost ist adminTlsCertificate gesetzt)</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>TLS verwenden</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Optional: a self-signed autohost&apos;s certificate</source>
        <translation>Optional: selbstsigniertes Zertifikat des Autohosts</translation>
    </message>
    <message>
        <source>Certificate file to trust</source>
        <translation>Vertrauenswürdige Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect to the autohost</source>
        <translation>Mit dem Autohost verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <source>Local mode</source>
        <translation>Lokaler Modus</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Neuer Versuch in %n s</numerusform>
            <numerusform>Neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Trennen…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Lobby connection: %1</source>
        <translation>Lobby-Verbindung: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Lobby server</source>
        <translation>Lobby-Server</translation>
    </message>
    <message>
        <source>No Tachyon server is configured: battles are started here, from “New battle”.</source>
        <translation>Kein Tachyon-Server eingerichtet: Partien werden hier gestartet, unter „Neue Partie“.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>users on the server</source>
        <translation>Benutzer auf dem Server</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>battles running / maximum</source>
        <translation>laufende Partien / Maximum</translation>
    </message>
    <message>
        <source>Capacity used</source>
        <translation>Genutzte Kapazität</translation>
    </message>
    <message>
        <source>Drain: accept no new battles</source>
        <translation>Auslaufen lassen: keine neuen Partien annehmen</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <source>engines available</source>
        <translation>verfügbare Engines</translation>
    </message>
    <message>
        <source>None yet: install one from the Engines page.</source>
        <translation>Noch keine: Installieren Sie eine auf der Seite „Engines“.</translation>
    </message>
    <message>
        <source>Running battles, last hour</source>
        <translation>Laufende Partien, letzte Stunde</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Running battles over the last hour</source>
        <translation>Laufende Partien in der letzten Stunde</translation>
    </message>
    <message>
        <source>Updates per second, last hour</source>
        <translation>Updates pro Sekunde, letzte Stunde</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>Updates per second over the last hour</source>
        <translation>Updates pro Sekunde in der letzten Stunde</translation>
    </message>
</context>
<context>
    <name>EnginesPage</name>
    <message>
        <source>Waiting for another install to finish</source>
        <translation>Wartet, bis eine andere Installation fertig ist</translation>
    </message>
    <message>
        <source>Looking up the download</source>
        <translation>Download wird gesucht</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <source>Unpacking</source>
        <translation>Wird entpackt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Extra directory</source>
        <translation>Zusatzverzeichnis</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <source>Install an engine</source>
        <translation>Engine installieren</translation>
    </message>
    <message>
        <source>Engine version, e.g. 2025.06.22</source>
        <translation>Engine-Version, z. B. 2025.06.22</translation>
    </message>
    <message>
        <source>Engine version to install</source>
        <translation>Zu installierende Engine-Version</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Engines come from the BAR file server and are unpacked into %1.</source>
        <translation>Engines kommen vom BAR-Dateiserver und werden nach %1 entpackt.</translation>
    </message>
    <message>
        <source> (attempt %1 of %2)</source>
        <translation> (Versuch %1 von %2)</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry installing %1</source>
        <translation>Installation von %1 erneut versuchen</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
    <message>
        <source>Available engines (%1)</source>
        <translation>Verfügbare Engines (%1)</translation>
    </message>
    <message>
        <source>No engine yet. Install one above, or put one into %1.</source>
        <translation>Noch keine Engine. Installieren Sie oben eine oder legen Sie eine in %1 ab.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>in use by %n battle(s)</source>
        <translation>
            <numerusform>von %n Partie genutzt</numerusform>
            <numerusform>von %n Partien genutzt</numerusform>
        </translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>nicht in Gebrauch</translation>
    </message>
</context>
<context>
    <name>FeedEntry</name>
    <message>
        <source>reported the game over</source>
        <translation>meldete das Spielende</translation>
    </message>
    <message>
        <source>reported the game over, winners: ally team %1</source>
        <translation>meldete das Spielende, Sieger: Allianz %1</translation>
    </message>
    <message>
        <source>reported the game over, winners: ally teams %1</source>
        <translation>meldete das Spielende, Sieger: Allianzen %1</translation>
    </message>
    <message>
        <source>lost connection</source>
        <translation>hat die Verbindung verloren</translation>
    </message>
    <message>
        <source>left</source>
        <translation>hat das Spiel verlassen</translation>
    </message>
    <message>
        <source>left: kicked</source>
        <translation>wurde hinausgeworfen</translation>
    </message>
    <message>
        <source>left: %1</source>
        <translation>hat das Spiel verlassen: %1</translation>
    </message>
    <message>
        <source>to allies</source>
        <translation>an Verbündete</translation>
    </message>
    <message>
        <source>to spectators</source>
        <translation>an Zuschauer</translation>
    </message>
    <message>
        <source>to all</source>
        <translation>an alle</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>an %1</translation>
    </message>
    <message>
        <source>(not base64)</source>
        <translation>(kein Base64)</translation>
    </message>
    <message>
        <source>joined as player %1</source>
        <translation>ist als Spieler %1 beigetreten</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>ist beigetreten</translation>
    </message>
    <message>
        <source>defeated</source>
        <translation>wurde besiegt</translation>
    </message>
    <message>
        <source>game started</source>
        <translation>Spiel gestartet</translation>
    </message>
    <message>
        <source>%1 script</source>
        <translation>%1-Skript</translation>
    </message>
    <message>
        <source>engine quit</source>
        <translation>Engine beendet</translation>
    </message>
    <message>
        <source>engine crashed</source>
        <translation>Engine abgestürzt</translation>
    </message>
    <message>
        <source>engine crashed: %1</source>
        <translation>Engine abgestürzt: %1</translation>
    </message>
</context>
<context>
    <name>FeedView</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Joins and leaves</source>
        <translation>Beitritte und Abgänge</translation>
    </message>
    <message>
        <source>Lua messages</source>
        <translation>Lua-Nachrichten</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Spiel</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Betreiber</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Search the feed…</source>
        <translation>Verlauf durchsuchen…</translation>
    </message>
    <message>
        <source>Search the feed</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>Battle feed</source>
        <translation>Partieverlauf</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Keine Zeile passt zum Filter.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Bisher ist nichts passiert.</translation>
    </message>
    <message>
        <source>Follow newest</source>
        <translation>Neueste verfolgen</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Attached</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Erneut verbinden…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Token abgelehnt</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation>Lokaler Modus</translation>
    </message>
    <message>
        <source>Connected to the lobby</source>
        <translation>Mit der Lobby verbunden</translation>
    </message>
    <message>
        <source>Lobby: retrying</source>
        <translation>Lobby: neuer Versuch</translation>
    </message>
    <message>
        <source>Lobby: unknown</source>
        <translation>Lobby: unbekannt</translation>
    </message>
    <message>
        <source>Lobby: connecting</source>
        <translation>Lobby: Verbindungsaufbau</translation>
    </message>
    <message>
        <source>Autohosts</source>
        <translation>Autohosts</translation>
    </message>
    <message>
        <source>Connect to autohost…</source>
        <translation>Mit Autohost verbinden…</translation>
    </message>
    <message>
        <source>Connect to a remote autohost</source>
        <translation>Mit einem entfernten Autohost verbinden</translation>
    </message>
    <message>
        <source>Watch and steer autohosts that run elsewhere (headless on a server) through their admin endpoint. The list is kept for the next start.</source>
        <translation>Beobachten und steuern Sie Autohosts, die anderswo laufen (im Headless-Modus auf einem Server), über ihren Admin-Endpunkt. Die Liste bleibt für den nächsten Start erhalten.</translation>
    </message>
    <message>
        <source>Autohost %1</source>
        <translation>Autohost %1</translation>
    </message>
    <message>
        <source>Runs in this app</source>
        <translation>Läuft in dieser Anwendung</translation>
    </message>
    <message>
        <source>battles running</source>
        <translation>laufende Partien</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>läuft aus</translation>
    </message>
    <message>
        <source>battles accepted</source>
        <translation>angenommene Partien</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) crashed</source>
        <translation>
            <numerusform>%n Partie abgestürzt</numerusform>
            <numerusform>%n Partien abgestürzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n engine install(s) failed</source>
        <translation>
            <numerusform>%n Engine-Installation fehlgeschlagen</numerusform>
            <numerusform>%n Engine-Installationen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Angezeigt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show autohost %1</source>
        <translation>Autohost %1 anzeigen</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect to autohost %1</source>
        <translation>Neu mit Autohost %1 verbinden</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove autohost %1 from the list</source>
        <translation>Autohost %1 aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the list? The autohost keeps running; only this app stops watching it.</source>
        <translation>%1 aus der Liste entfernen? Der Autohost läuft weiter; nur diese Anwendung beobachtet ihn nicht mehr.</translation>
    </message>
    <message>
        <source>Remove autohost?</source>
        <translation>Autohost entfernen?</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>Failed to start</source>
        <translation>Start fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>InstallListModel</name>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>already available</source>
        <translation>bereits verfügbar</translation>
    </message>
    <message>
        <source>already being installed</source>
        <translation>wird bereits installiert</translation>
    </message>
    <message>
        <source>not a valid engine version</source>
        <translation>keine gültige Engine-Version</translation>
    </message>
</context>
<context>
    <name>JoinInfo</name>
    <message>
        <source>How players join</source>
        <translation>So treten Spieler bei</translation>
    </message>
    <message>
        <source>Address %1, port %2. Each player connects with their name and password:</source>
        <translation>Adresse %1, Port %2. Jeder Spieler verbindet sich mit seinem Namen und Passwort:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>Passwort von %1 kopieren</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Search the log…</source>
        <translation>Log durchsuchen…</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Log durchsuchen</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Log levels to show</source>
        <translation>Angezeigte Log-Stufen</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Log-Zeilen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Autohost — local mode</source>
        <translation>Autohost – lokaler Modus</translation>
    </message>
    <message>
        <source>Autohost — %1</source>
        <translation>Autohost – %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Partien</translation>
    </message>
    <message>
        <source>New battle</source>
        <translation>Neue Partie</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Quit the autohost?</source>
        <translation>Autohost beenden?</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) are running. Quitting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>%n Partie läuft. Beenden stoppt sie: Die Engine wird beendet und die Spieler werden getrennt.</numerusform>
            <numerusform>%n Partien laufen. Beenden stoppt sie: Jede Engine wird beendet und die Spieler werden getrennt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop battles and quit</source>
        <translation>Partien stoppen und beenden</translation>
    </message>
    <message>
        <source>Autohost</source>
        <translation>Autohost</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Stopping battles…</source>
        <translation>Partien werden gestoppt…</translation>
    </message>
    <message>
        <source>Battles: %1 / %2</source>
        <translation>Partien: %1 / %2</translation>
    </message>
    <message>
        <source>Autohosts</source>
        <translation>Autohosts</translation>
    </message>
    <message>
        <source>Autohost shown</source>
        <translation>Angezeigter Autohost</translation>
    </message>
    <message>
        <source>The autohost every view shows</source>
        <translation>Der Autohost, den alle Ansichten zeigen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinden mit %1…</translation>
    </message>
    <message>
        <source>%1 refused the token: %2</source>
        <translation>%1 hat das Token abgelehnt: %2</translation>
    </message>
    <message>
        <source>No link to %1: %2. Showing its last known state; trying again.</source>
        <translation>Keine Verbindung zu %1: %2. Der zuletzt bekannte Zustand wird angezeigt; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect to %1</source>
        <translation>Neu mit %1 verbinden</translation>
    </message>
</context>
<context>
    <name>NewBattlePage</name>
    <message>
        <source>New battle</source>
        <translation>Neue Partie</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Spiel</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation>Engine-Version</translation>
    </message>
    <message>
        <source>No engine available: install one on the Engines page</source>
        <translation>Keine Engine verfügbar: Installieren Sie eine auf der Seite „Engines“</translation>
    </message>
    <message>
        <source>Game name</source>
        <translation>Spielname</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Map name</source>
        <translation>Kartenname</translation>
    </message>
    <message>
        <source>Start positions</source>
        <translation>Startpositionen</translation>
    </message>
    <message>
        <source>Fixed (from the map)</source>
        <translation>Fest (aus der Karte)</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Chosen in game</source>
        <translation>Im Spiel gewählt</translation>
    </message>
    <message>
        <source>Chosen before the game</source>
        <translation>Vor dem Spiel gewählt</translation>
    </message>
    <message>
        <source>Start position type</source>
        <translation>Art der Startpositionen</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>One line per ally team; separate player names with commas. Every player gets a team of their own.</source>
        <translation>Eine Zeile pro Allianz; Spielernamen durch Kommas trennen. Jeder Spieler bekommt ein eigenes Team.</translation>
    </message>
    <message>
        <source>Ally team %1</source>
        <translation>Allianz %1</translation>
    </message>
    <message>
        <source>Player names, e.g. Alice, Bob</source>
        <translation>Spielernamen, z. B. Alice, Bob</translation>
    </message>
    <message>
        <source>Players of ally team %1</source>
        <translation>Spieler der Allianz %1</translation>
    </message>
    <message>
        <source>Remove ally team %1</source>
        <translation>Allianz %1 entfernen</translation>
    </message>
    <message>
        <source>Add ally team</source>
        <translation>Allianz hinzufügen</translation>
    </message>
    <message>
        <source>Spectators</source>
        <translation>Zuschauer</translation>
    </message>
    <message>
        <source>Optional: names, separated by commas</source>
        <translation>Optional: Namen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Start battle</source>
        <translation>Partie starten</translation>
    </message>
    <message>
        <source>Battle started</source>
        <translation>Partie gestartet</translation>
    </message>
    <message>
        <source>Players join at %1, port %2, with these names and passwords:</source>
        <translation>Spieler treten unter %1, Port %2 bei, mit diesen Namen und Passwörtern:</translation>
    </message>
    <message>
        <source>spectator</source>
        <translation>Zuschauer</translation>
    </message>
    <message>
        <source>ally team %1</source>
        <translation>Allianz %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>Passwort von %1 kopieren</translation>
    </message>
    <message>
        <source>Open the battle</source>
        <translation>Partie öffnen</translation>
    </message>
    <message>
        <source>The battle did not start: %1</source>
        <translation>Die Partie wurde nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>PlayerList</name>
    <message>
        <source>Not connected yet</source>
        <translation>Noch nicht verbunden</translation>
    </message>
    <message>
        <source>In game</source>
        <translation>Im Spiel</translation>
    </message>
    <message>
        <source>Defeated</source>
        <translation>Besiegt</translation>
    </message>
    <message>
        <source>Kicked</source>
        <translation>Hinausgeworfen</translation>
    </message>
    <message>
        <source>Lost connection</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Players and spectators</source>
        <translation>Spieler und Zuschauer</translation>
    </message>
    <message>
        <source>Spectators</source>
        <translation>Zuschauer</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>spectator</source>
        <translation>Zuschauer</translation>
    </message>
    <message>
        <source>ally team %1, team %2</source>
        <translation>Allianz %1, Team %2</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>chat muted</source>
        <translation>Chat stumm</translation>
    </message>
    <message>
        <source>drawing muted</source>
        <translation>Zeichnen stumm</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Aktionen für %1</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>Hinauswerfen…</translation>
    </message>
    <message>
        <source>Make spectator…</source>
        <translation>Zum Zuschauer machen…</translation>
    </message>
    <message>
        <source>Mute chat</source>
        <translation>Chat stummschalten</translation>
    </message>
    <message>
        <source>Mute drawing</source>
        <translation>Zeichnen stummschalten</translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>keine Antwort innerhalb von %n Sekunde</numerusform>
            <numerusform>keine Antwort innerhalb von %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>The link to the autohost was closed.</source>
        <translation>Die Verbindung zum Autohost wurde geschlossen.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The link to the autohost was lost.</source>
        <translation>Die Verbindung zum Autohost ist abgebrochen.</translation>
    </message>
    <message>
        <source>%1 refused the token.</source>
        <translation>%1 hat das Token abgelehnt.</translation>
    </message>
    <message>
        <source>%1 refuses this computer for a while after too many wrong tokens.</source>
        <translation>%1 weist diesen Computer nach zu vielen falschen Tokens eine Zeit lang ab.</translation>
    </message>
    <message>
        <source>%1 is no autohost admin endpoint (it answered HTTP %2).</source>
        <translation>%1 ist kein Admin-Endpunkt eines Autohosts (Antwort: HTTP %2).</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut: %2</translation>
    </message>
    <message>
        <source>closed by the autohost</source>
        <translation>vom Autohost geschlossen</translation>
    </message>
    <message>
        <source>The link to %1 was lost: %2</source>
        <translation>Die Verbindung zu %1 ist abgebrochen: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>Not attached to the autohost.</source>
        <translation>Nicht mit dem Autohost verbunden.</translation>
    </message>
</context>
<context>
    <name>SavedAutohosts</name>
    <message>
        <source>Name the machine the autohost runs on: a host name or an IP address.</source>
        <translation>Geben Sie den Rechner an, auf dem der Autohost läuft: einen Hostnamen oder eine IP-Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IP address.</source>
        <translation>„%1“ ist weder ein Hostname noch eine IP-Adresse.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>The token has no spaces or control characters.</source>
        <translation>Das Token darf keine Leerzeichen oder Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>A certificate is only used with TLS.</source>
        <translation>Ein Zertifikat wird nur mit TLS verwendet.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Autohost configuration</source>
        <translation>Autohost-Konfiguration</translation>
    </message>
    <message>
        <source>Saved to %1. Headless mode reads the same file; changes apply when the autohost starts again.</source>
        <translation>Gespeichert in %1. Der Headless-Modus liest dieselbe Datei; Änderungen gelten ab dem nächsten Start des Autohosts.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Saved. Restart the autohost to use the new configuration.</source>
        <translation>Gespeichert. Starten Sie den Autohost neu, um die neue Konfiguration zu verwenden.</translation>
    </message>
    <message>
        <source>Restart the autohost?</source>
        <translation>Autohost neu starten?</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) are running. Restarting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>%n Partie läuft. Der Neustart stoppt sie: Die Engine wird beendet und die Spieler werden getrennt.</numerusform>
            <numerusform>%n Partien laufen. Der Neustart stoppt sie: Jede Engine wird beendet und die Spieler werden getrennt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop battles and restart</source>
        <translation>Partien stoppen und neu starten</translation>
    </message>
    <message numerus="yes">
        <source>Restart (stops %n battle(s))</source>
        <translation>
            <numerusform>Neu starten (stoppt %n Partie)</numerusform>
            <numerusform>Neu starten (stoppt %n Partien)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
</context>
<context>
    <name>SortHeader</name>
    <message>
        <source>, sorted ascending</source>
        <translation>, aufsteigend sortiert</translation>
    </message>
    <message>
        <source>, sorted descending</source>
        <translation>, absteigend sortiert</translation>
    </message>
</context>
</TS>
