<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AddPlayerDialog</name>
    <message>
        <source>Add a player</source>
        <translation>Dodaj gracza</translation>
    </message>
    <message>
        <source>The engine lets the new player in as a spectator. Give them the password below.</source>
        <translation>Silnik wpuści nowego gracza jako widza. Przekaż mu poniższe hasło.</translation>
    </message>
    <message>
        <source>Player name</source>
        <translation>Nazwa gracza</translation>
    </message>
    <message>
        <source>Name of the player to add</source>
        <translation>Nazwa dodawanego gracza</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Hasło:</translation>
    </message>
    <message>
        <source>Password of the added player</source>
        <translation>Hasło dodanego gracza</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Dodaj</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>This battle has ended.</source>
        <translation>Ta bitwa już się zakończyła.</translation>
    </message>
    <message>
        <source>You killed the battle.</source>
        <translation>Przerwano bitwę.</translation>
    </message>
    <message>
        <source>You kicked %1.</source>
        <translation>Wyrzucono gracza %1.</translation>
    </message>
    <message>
        <source>You made %1 a spectator.</source>
        <translation>Przeniesiono gracza %1 do widzów.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s chat and drawing.</source>
        <translation>Wyciszono czat i rysowanie gracza %1.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s chat.</source>
        <translation>Wyciszono czat gracza %1.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s drawing.</source>
        <translation>Wyciszono rysowanie gracza %1.</translation>
    </message>
    <message>
        <source>You unmuted %1.</source>
        <translation>Wyłączono wyciszenie gracza %1.</translation>
    </message>
    <message>
        <source>You added %1 as a spectator.</source>
        <translation>Dodano gracza %1 jako widza.</translation>
    </message>
    <message>
        <source>You said: %1</source>
        <translation>Twoja wiadomość: %1</translation>
    </message>
    <message>
        <source>Type a command.</source>
        <translation>Wpisz polecenie.</translation>
    </message>
    <message>
        <source>You sent the command: /%1</source>
        <translation>Wysłano polecenie: /%1</translation>
    </message>
    <message>
        <source>%1 does not exist (yet).</source>
        <translation>%1 nie istnieje (jeszcze).</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Plik</translation>
    </message>
    <message>
        <source>No program to open %1 was found.</source>
        <translation>Nie znaleziono programu do otwarcia %1.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Ten komputer</translation>
    </message>
    <message>
        <source>This autohost is in the list already.</source>
        <translation>Ten autohost jest już na liście.</translation>
    </message>
    <message>
        <source>The autohost is not connected: %1</source>
        <translation>Autohost nie jest połączony: %1</translation>
    </message>
    <message>
        <source>The battle&apos;s files are on the machine of %1, not on this one.</source>
        <translation>Pliki bitwy są na komputerze %1, nie na tym.</translation>
    </message>
</context>
<context>
    <name>BattleDetailPage</name>
    <message>
        <source>Please confirm</source>
        <translation>Potwierdź</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Bitwy</translation>
    </message>
    <message>
        <source>Back to the battles</source>
        <translation>Wróć do bitew</translation>
    </message>
    <message>
        <source>Battle %1</source>
        <translation>Bitwa %1</translation>
    </message>
    <message>
        <source>Instance folder</source>
        <translation>Folder instancji</translation>
    </message>
    <message>
        <source>Open the instance folder</source>
        <translation>Otwórz folder instancji</translation>
    </message>
    <message>
        <source>Engine log</source>
        <translation>Log silnika</translation>
    </message>
    <message>
        <source>Open the engine log</source>
        <translation>Otwórz log silnika</translation>
    </message>
    <message>
        <source>Kill battle</source>
        <translation>Przerwij bitwę</translation>
    </message>
    <message>
        <source>Kill the battle</source>
        <translation>Przerwij bitwę</translation>
    </message>
    <message>
        <source>Kill battle %1? The engine is told to quit and every player is disconnected.</source>
        <translation>Przerwać bitwę %1? Silnik otrzyma polecenie zakończenia, a wszyscy gracze zostaną rozłączeni.</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Przerwij</translation>
    </message>
    <message>
        <source>%1 · %2 · engine %3 · port %4 · PID %5 · up %6</source>
        <translation>%1 · %2 · silnik %3 · port %4 · PID %5 · od %6</translation>
    </message>
    <message>
        <source>Players (%1 of %2 connected)</source>
        <translation>Gracze (połączeni: %1 z %2)</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Gracze</translation>
    </message>
    <message>
        <source>Add player…</source>
        <translation>Dodaj gracza…</translation>
    </message>
    <message>
        <source>Kick %1 from the battle?</source>
        <translation>Wyrzucić gracza %1 z bitwy?</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>Wyrzuć</translation>
    </message>
    <message>
        <source>Make %1 a spectator? Their units are handed over or lost.</source>
        <translation>Przenieść gracza %1 do widzów? Jego jednostki zostaną przekazane lub utracone.</translation>
    </message>
    <message>
        <source>Make spectator</source>
        <translation>Przenieś do widzów</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Relacja na żywo</translation>
    </message>
    <message>
        <source>Message to everyone in the game</source>
        <translation>Wiadomość do wszystkich w grze</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Wiadomość do wysłania</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Wyślij wiadomość</translation>
    </message>
    <message>
        <source>Engine command, e.g. /cheat or luarules ping</source>
        <translation>Polecenie silnika, np. /cheat lub luarules ping</translation>
    </message>
    <message>
        <source>Engine command to send</source>
        <translation>Polecenie silnika do wysłania</translation>
    </message>
    <message>
        <source>Send command</source>
        <translation>Wyślij polecenie</translation>
    </message>
</context>
<context>
    <name>BattlesPage</name>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Battle</source>
        <translation>Bitwa</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Silnik</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Gra</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Gracze</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Czas</translation>
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
        <translation>Pamięć</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Bitwy</translation>
    </message>
    <message>
        <source>Filter by id, engine, game, map…</source>
        <translation>Filtruj po id, silniku, grze, mapie…</translation>
    </message>
    <message>
        <source>Filter battles</source>
        <translation>Filtruj bitwy</translation>
    </message>
    <message>
        <source>All battles</source>
        <translation>Wszystkie bitwy</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywne</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Zakończone</translation>
    </message>
    <message>
        <source>Show battles</source>
        <translation>Pokazywane bitwy</translation>
    </message>
    <message>
        <source>Battle %1, %2, %3 on %4</source>
        <translation>Bitwa %1, %2, %3 na mapie %4</translation>
    </message>
    <message>
        <source>No battle matches the filter.</source>
        <translation>Żadna bitwa nie pasuje do filtra.</translation>
    </message>
    <message>
        <source>No battles yet. Start one from “New battle”.</source>
        <translation>Nie ma jeszcze bitew. Rozpocznij bitwę w zakładce „Nowa bitwa”.</translation>
    </message>
    <message>
        <source>No battles yet. The lobby server starts them here when players are matched.</source>
        <translation>Nie ma jeszcze bitew. Serwer lobby uruchamia je tutaj, gdy dobierze graczy.</translation>
    </message>
</context>
<context>
    <name>ConfigField</name>
    <message>
        <source>Default</source>
        <translation>Domyślne</translation>
    </message>
    <message>
        <source>Reset %1 to its default</source>
        <translation>Przywróć domyślną wartość %1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatycznie</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>One entry per line</source>
        <translation>Jeden wpis w wierszu</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>Obiekt JSON</translation>
    </message>
</context>
<context>
    <name>ConfigKey</name>
    <message>
        <source>Host name or IP address of the Tachyon server, without scheme; empty: local mode</source>
        <translation>Nazwa hosta lub adres IP serwera Tachyon, bez schematu; puste: tryb lokalny</translation>
    </message>
    <message>
        <source>Port of the Tachyon server; unset: 443 with TLS, 80 without</source>
        <translation>Port serwera Tachyon; nieustawiony: 443 z TLS, 80 bez</translation>
    </message>
    <message>
        <source>Connect with TLS (https, wss); unset: TLS unless the server is localhost or a loopback address</source>
        <translation>Łącz przez TLS (https, wss); nieustawione: TLS, chyba że serwer to localhost lub adres pętli zwrotnej</translation>
    </message>
    <message>
        <source>OAuth2 client id issued by the server&apos;s admins</source>
        <translation>Identyfikator klienta OAuth2 wydany przez administratorów serwera</translation>
    </message>
    <message>
        <source>OAuth2 client secret issued by the server&apos;s admins</source>
        <translation>Sekret klienta OAuth2 wydany przez administratorów serwera</translation>
    </message>
    <message>
        <source>IPv4 or IPv6 address players connect to; required with a Tachyon server</source>
        <translation>Adres IPv4 lub IPv6, z którym łączą się gracze; wymagany z serwerem Tachyon</translation>
    </message>
    <message>
        <source>Longest wait between reconnection attempts, in seconds</source>
        <translation>Najdłuższy odstęp między próbami ponownego połączenia, w sekundach</translation>
    </message>
    <message>
        <source>How often the server&apos;s user count is asked, in seconds</source>
        <translation>Jak często pobierana jest liczba użytkowników serwera, w sekundach</translation>
    </message>
    <message>
        <source>Battles at once</source>
        <translation>Bitwy jednocześnie</translation>
    </message>
    <message>
        <source>Address the engines listen on for players</source>
        <translation>Adres, na którym silniki nasłuchują graczy</translation>
    </message>
    <message>
        <source>First game port; each battle uses this plus its offset</source>
        <translation>Pierwszy port gry; każda bitwa używa go plus swojego przesunięcia</translation>
    </message>
    <message>
        <source>First UDP port between the engines and the autohost, on 127.0.0.1</source>
        <translation>Pierwszy port UDP między silnikami a autohostem, na 127.0.0.1</translation>
    </message>
    <message>
        <source>Number of port offsets in both ranges</source>
        <translation>Liczba przesunięć portów w obu zakresach</translation>
    </message>
    <message>
        <source>A battle running longer is stopped, in seconds</source>
        <translation>Bitwa trwająca dłużej zostaje zatrzymana, w sekundach</translation>
    </message>
    <message>
        <source>Settings written to each battle&apos;s springsettings.cfg</source>
        <translation>Ustawienia zapisywane do springsettings.cfg każdej bitwy</translation>
    </message>
    <message>
        <source>Directory of the battles&apos; working directories</source>
        <translation>Katalog katalogów roboczych bitew</translation>
    </message>
    <message>
        <source>Directory of installed engines, one directory per version</source>
        <translation>Katalog zainstalowanych silników, jeden katalog na wersję</translation>
    </message>
    <message>
        <source>Engines kept elsewhere, never written to: engine directories or directories of versions</source>
        <translation>Silniki przechowywane gdzie indziej, nigdy nie zapisywane: katalogi silników lub katalogi wersji</translation>
    </message>
    <message>
        <source>Offer the system&apos;s engine too (Debian&apos;s spring package)</source>
        <translation>Oferuj także silnik systemowy (pakiet spring z Debiana)</translation>
    </message>
    <message>
        <source>Extra data directories (maps, games) for every engine</source>
        <translation>Dodatkowe katalogi danych (mapy, gry) dla każdego silnika</translation>
    </message>
    <message>
        <source>Where engines to install are looked up</source>
        <translation>Gdzie wyszukiwane są silniki do instalacji</translation>
    </message>
    <message>
        <source>Longest time for one download attempt of an engine archive, in seconds</source>
        <translation>Najdłuższy czas jednej próby pobrania archiwum silnika, w sekundach</translation>
    </message>
    <message>
        <source>Download attempts per engine install</source>
        <translation>Liczba prób pobrania na instalację silnika</translation>
    </message>
    <message>
        <source>Wait before the second download attempt, doubling after, in milliseconds</source>
        <translation>Odstęp przed drugą próbą pobrania, potem podwajany, w milisekundach</translation>
    </message>
    <message>
        <source>How long battle updates are kept for subscribers to replay, in seconds</source>
        <translation>Jak długo aktualizacje bitew są przechowywane do odtworzenia dla subskrybentów, w sekundach</translation>
    </message>
    <message>
        <source>How long an engine may take to start, in seconds</source>
        <translation>Ile czasu silnik może potrzebować na start, w sekundach</translation>
    </message>
    <message>
        <source>After a stop request, how long an engine may take to quit before it is terminated, in seconds</source>
        <translation>Po żądaniu zatrzymania: ile czasu silnik ma na zakończenie, zanim zostanie zamknięty siłą, w sekundach</translation>
    </message>
    <message>
        <source>Log lines as plain text or as JSON lines</source>
        <translation>Wiersze logu jako zwykły tekst lub jako wiersze JSON</translation>
    </message>
    <message>
        <source>Directory of the update journal, which lets the server replay updates across a restart and reports battles cut off by a crash; empty: no journal</source>
        <translation>Katalog dziennika aktualizacji, dzięki któremu serwer może odtworzyć aktualizacje po ponownym uruchomieniu, a bitwy przerwane awarią zostają zgłoszone; puste: bez dziennika</translation>
    </message>
    <message>
        <source>Most disk space the update journal takes, in MiB; the oldest updates go first</source>
        <translation>Największe miejsce na dysku zajmowane przez dziennik aktualizacji, w MiB; najstarsze aktualizacje są usuwane jako pierwsze</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serwer</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Bitwy</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Silniki</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Zaawansowane</translation>
    </message>
    <message>
        <source>Address and port of the admin endpoint (metrics, state, remote control), e.g. 127.0.0.1:8201; empty: no endpoint</source>
        <translation>Adres i port punktu administracyjnego (metryki, stan, zdalne sterowanie), np. 127.0.0.1:8201; puste: bez punktu administracyjnego</translation>
    </message>
    <message>
        <source>Bearer token of the admin endpoint; unset: the one in the data directory&apos;s admin-token file, made on first run; empty: no authentication (loopback only)</source>
        <translation>Token Bearer punktu administracyjnego; nieustawiony: ten z pliku admin-token w katalogu danych, tworzony przy pierwszym uruchomieniu; pusty: bez uwierzytelniania (tylko pętla zwrotna)</translation>
    </message>
    <message>
        <source>Serve the Prometheus metrics without the token</source>
        <translation>Udostępniaj metryki Prometheus bez tokenu</translation>
    </message>
    <message>
        <source>PEM certificate file for HTTPS on the admin endpoint; needs the key too</source>
        <translation>Plik certyfikatu PEM dla HTTPS punktu administracyjnego; wymaga też klucza</translation>
    </message>
    <message>
        <source>PEM private key file of that certificate</source>
        <translation>Plik klucza prywatnego PEM tego certyfikatu</translation>
    </message>
    <message>
        <source>Admin endpoint</source>
        <translation>Punkt administracyjny</translation>
    </message>
    <message>
        <source>On SIGTERM, how long running battles may go on before they are stopped, in seconds; 0: stop them at once</source>
        <translation>Po SIGTERM: jak długo trwające bitwy mogą jeszcze trwać, zanim zostaną zatrzymane, w sekundach; 0: zatrzymaj je od razu</translation>
    </message>
    <message>
        <source>Cores of each engine: all, spread (the least-used core each), spread:0-7, or cores such as 0-3,6</source>
        <translation>Rdzenie każdego silnika: all, spread (każdy na najmniej używanym rdzeniu), spread:0-7 lub rdzenie takie jak 0-3,6</translation>
    </message>
    <message>
        <source>Nice level of each engine, 0 to 19; 0: the autohost&apos;s own</source>
        <translation>Poziom nice każdego silnika, od 0 do 19; 0: taki jak autohosta</translation>
    </message>
    <message>
        <source>Address space limit of each engine, in megabytes; 0: none</source>
        <translation>Limit przestrzeni adresowej każdego silnika, w megabajtach; 0: brak</translation>
    </message>
    <message>
        <source>Updates one battle may add per second after a burst of 5000; more are dropped</source>
        <translation>Aktualizacje, które jedna bitwa może dodać na sekundę po serii 5000; nadmiar jest odrzucany</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Potwierdź</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to autohost</source>
        <translation>Połącz z autohostem</translation>
    </message>
    <message>
        <source>Certificate to trust</source>
        <translation>Zaufany certyfikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>Certyfikaty PEM (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Optional, e.g. Home server</source>
        <translation>Opcjonalnie, np. Serwer domowy</translation>
    </message>
    <message>
        <source>Name of the autohost</source>
        <translation>Nazwa autohosta</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Host name or IP address</source>
        <translation>Nazwa hosta lub adres IP</translation>
    </message>
    <message>
        <source>Host of the autohost</source>
        <translation>Host autohosta</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Port of the admin endpoint</source>
        <translation>Port punktu administracyjnego</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>From the admin-token file in the autohost&apos;s data directory</source>
        <translation>Z pliku admin-token w katalogu danych autohosta</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Token administracyjny</translation>
    </message>
    <message>
        <source>TLS (the autohost has adminTlsCertificate set)</source>
        <translation>TLS (autohost ma ustawione adminTlsCertificate)</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>Użyj TLS</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certyfikat</translation>
    </message>
    <message>
        <source>Optional: a self-signed autohost&apos;s certificate</source>
        <translation>Opcjonalnie: samopodpisany certyfikat autohosta</translation>
    </message>
    <message>
        <source>Certificate file to trust</source>
        <translation>Plik zaufanego certyfikatu</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Przeglądaj…</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Wybierz plik certyfikatu</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Połącz</translation>
    </message>
    <message>
        <source>Connect to the autohost</source>
        <translation>Połącz z autohostem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <source>Local mode</source>
        <translation>Tryb lokalny</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Logowanie…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Łączenie…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Połączono</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Ponowna próba za %n s</numerusform>
            <numerusform>Ponowna próba za %n s</numerusform>
            <numerusform>Ponowna próba za %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Rozłączanie…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Rozłączono</translation>
    </message>
    <message>
        <source>Lobby connection: %1</source>
        <translation>Połączenie z lobby: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <source>Lobby server</source>
        <translation>Serwer lobby</translation>
    </message>
    <message>
        <source>No Tachyon server is configured: battles are started here, from “New battle”.</source>
        <translation>Nie skonfigurowano serwera Tachyon: bitwy uruchamia się tutaj, w zakładce „Nowa bitwa”.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Ostatni błąd: %1</translation>
    </message>
    <message>
        <source>users on the server</source>
        <translation>użytkowników na serwerze</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Limit bitew</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>battles running / maximum</source>
        <translation>trwające bitwy / maksimum</translation>
    </message>
    <message>
        <source>Capacity used</source>
        <translation>Wykorzystanie limitu</translation>
    </message>
    <message>
        <source>Drain: accept no new battles</source>
        <translation>Wygaszanie: nie przyjmuj nowych bitew</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Silniki</translation>
    </message>
    <message>
        <source>engines available</source>
        <translation>dostępnych silników</translation>
    </message>
    <message>
        <source>None yet: install one from the Engines page.</source>
        <translation>Jeszcze żadnego: zainstaluj silnik na stronie „Silniki”.</translation>
    </message>
    <message>
        <source>Running battles, last hour</source>
        <translation>Trwające bitwy, ostatnia godzina</translation>
    </message>
    <message>
        <source>now</source>
        <translation>teraz</translation>
    </message>
    <message>
        <source>Running battles over the last hour</source>
        <translation>Trwające bitwy w ciągu ostatniej godziny</translation>
    </message>
    <message>
        <source>Updates per second, last hour</source>
        <translation>Aktualizacje na sekundę, ostatnia godzina</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>szczyt</translation>
    </message>
    <message>
        <source>Updates per second over the last hour</source>
        <translation>Aktualizacje na sekundę w ciągu ostatniej godziny</translation>
    </message>
</context>
<context>
    <name>EnginesPage</name>
    <message>
        <source>Waiting for another install to finish</source>
        <translation>Czeka na zakończenie innej instalacji</translation>
    </message>
    <message>
        <source>Looking up the download</source>
        <translation>Wyszukiwanie pliku do pobrania</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Pobieranie</translation>
    </message>
    <message>
        <source>Unpacking</source>
        <translation>Rozpakowywanie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Niepowodzenie</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Zainstalowany</translation>
    </message>
    <message>
        <source>Extra directory</source>
        <translation>Dodatkowy katalog</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Systemowy</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Silniki</translation>
    </message>
    <message>
        <source>Install an engine</source>
        <translation>Zainstaluj silnik</translation>
    </message>
    <message>
        <source>Engine version, e.g. 2025.06.22</source>
        <translation>Wersja silnika, np. 2025.06.22</translation>
    </message>
    <message>
        <source>Engine version to install</source>
        <translation>Wersja silnika do zainstalowania</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Zainstaluj</translation>
    </message>
    <message>
        <source>Engines come from the BAR file server and are unpacked into %1.</source>
        <translation>Silniki pochodzą z serwera plików BAR i są rozpakowywane do %1.</translation>
    </message>
    <message>
        <source> (attempt %1 of %2)</source>
        <translation> (próba %1 z %2)</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 z %2 (%3%)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Ponów</translation>
    </message>
    <message>
        <source>Retry installing %1</source>
        <translation>Ponów instalację %1</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Postęp %1</translation>
    </message>
    <message>
        <source>Available engines (%1)</source>
        <translation>Dostępne silniki (%1)</translation>
    </message>
    <message>
        <source>No engine yet. Install one above, or put one into %1.</source>
        <translation>Nie ma jeszcze silnika. Zainstaluj go powyżej lub umieść w %1.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>in use by %n battle(s)</source>
        <translation>
            <numerusform>używany przez %n bitwę</numerusform>
            <numerusform>używany przez %n bitwy</numerusform>
            <numerusform>używany przez %n bitew</numerusform>
        </translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>nieużywany</translation>
    </message>
</context>
<context>
    <name>FeedEntry</name>
    <message>
        <source>reported the game over</source>
        <translation>zgłosił koniec gry</translation>
    </message>
    <message>
        <source>reported the game over, winners: ally team %1</source>
        <translation>zgłosił koniec gry, zwycięzca: sojusz %1</translation>
    </message>
    <message>
        <source>reported the game over, winners: ally teams %1</source>
        <translation>zgłosił koniec gry, zwycięzcy: sojusze %1</translation>
    </message>
    <message>
        <source>lost connection</source>
        <translation>stracił połączenie</translation>
    </message>
    <message>
        <source>left</source>
        <translation>opuścił grę</translation>
    </message>
    <message>
        <source>left: kicked</source>
        <translation>został wyrzucony</translation>
    </message>
    <message>
        <source>left: %1</source>
        <translation>opuścił grę: %1</translation>
    </message>
    <message>
        <source>to allies</source>
        <translation>do sojuszników</translation>
    </message>
    <message>
        <source>to spectators</source>
        <translation>do widzów</translation>
    </message>
    <message>
        <source>to all</source>
        <translation>do wszystkich</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>do %1</translation>
    </message>
    <message>
        <source>(not base64)</source>
        <translation>(nie base64)</translation>
    </message>
    <message>
        <source>joined as player %1</source>
        <translation>dołączył jako gracz %1</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>dołączył</translation>
    </message>
    <message>
        <source>defeated</source>
        <translation>został pokonany</translation>
    </message>
    <message>
        <source>game started</source>
        <translation>gra rozpoczęta</translation>
    </message>
    <message>
        <source>%1 script</source>
        <translation>skrypt %1</translation>
    </message>
    <message>
        <source>engine quit</source>
        <translation>silnik zakończył pracę</translation>
    </message>
    <message>
        <source>engine crashed</source>
        <translation>silnik uległ awarii</translation>
    </message>
    <message>
        <source>engine crashed: %1</source>
        <translation>silnik uległ awarii: %1</translation>
    </message>
</context>
<context>
    <name>FeedView</name>
    <message>
        <source>Chat</source>
        <translation>Czat</translation>
    </message>
    <message>
        <source>Joins and leaves</source>
        <translation>Dołączenia i wyjścia</translation>
    </message>
    <message>
        <source>Lua messages</source>
        <translation>Wiadomości Lua</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Gra</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Silnik</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Pokaż: %1</translation>
    </message>
    <message>
        <source>Search the feed…</source>
        <translation>Szukaj w relacji…</translation>
    </message>
    <message>
        <source>Search the feed</source>
        <translation>Szukaj w relacji</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 z %2 wierszy</translation>
    </message>
    <message>
        <source>Battle feed</source>
        <translation>Relacja z bitwy</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Żaden wiersz nie pasuje do filtra.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Jeszcze nic się nie wydarzyło.</translation>
    </message>
    <message>
        <source>Follow newest</source>
        <translation>Śledź najnowsze</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Attached</source>
        <translation>Połączono</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Ponowne łączenie…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Łączenie…</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Token odrzucony</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nieosiągalny</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Rozłączono</translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation>Tryb lokalny</translation>
    </message>
    <message>
        <source>Connected to the lobby</source>
        <translation>Połączono z lobby</translation>
    </message>
    <message>
        <source>Lobby: retrying</source>
        <translation>Lobby: ponowna próba</translation>
    </message>
    <message>
        <source>Lobby: unknown</source>
        <translation>Lobby: stan nieznany</translation>
    </message>
    <message>
        <source>Lobby: connecting</source>
        <translation>Lobby: łączenie</translation>
    </message>
    <message>
        <source>Autohosts</source>
        <translation>Autohosty</translation>
    </message>
    <message>
        <source>Connect to autohost…</source>
        <translation>Połącz z autohostem…</translation>
    </message>
    <message>
        <source>Connect to a remote autohost</source>
        <translation>Połącz ze zdalnym autohostem</translation>
    </message>
    <message>
        <source>Watch and steer autohosts that run elsewhere (headless on a server) through their admin endpoint. The list is kept for the next start.</source>
        <translation>Obserwuj autohosty działające gdzie indziej (bez interfejsu, na serwerze) i steruj nimi przez ich punkt administracyjny. Lista zostaje zachowana do następnego uruchomienia.</translation>
    </message>
    <message>
        <source>Autohost %1</source>
        <translation>Autohost %1</translation>
    </message>
    <message>
        <source>Runs in this app</source>
        <translation>Działa w tej aplikacji</translation>
    </message>
    <message>
        <source>battles running</source>
        <translation>trwające bitwy</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>wygaszanie</translation>
    </message>
    <message>
        <source>battles accepted</source>
        <translation>przyjmowane bitwy</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) crashed</source>
        <translation>
            <numerusform>%n bitwa uległa awarii</numerusform>
            <numerusform>%n bitwy uległy awarii</numerusform>
            <numerusform>%n bitew uległo awarii</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n engine install(s) failed</source>
        <translation>
            <numerusform>%n instalacja silnika nie powiodła się</numerusform>
            <numerusform>%n instalacje silnika nie powiodły się</numerusform>
            <numerusform>%n instalacji silnika nie powiodło się</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Wyświetlany</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otwórz</translation>
    </message>
    <message>
        <source>Show autohost %1</source>
        <translation>Pokaż autohost %1</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Połącz ponownie</translation>
    </message>
    <message>
        <source>Reconnect to autohost %1</source>
        <translation>Połącz ponownie z autohostem %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Remove autohost %1 from the list</source>
        <translation>Usuń autohost %1 z listy</translation>
    </message>
    <message>
        <source>Remove %1 from the list? The autohost keeps running; only this app stops watching it.</source>
        <translation>Usunąć %1 z listy? Autohost nadal działa; tylko ta aplikacja przestaje go obserwować.</translation>
    </message>
    <message>
        <source>Remove autohost?</source>
        <translation>Usunąć autohost?</translation>
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
        <translation>%1%</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Uruchamianie</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Trwa</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Zatrzymywanie</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Zakończona</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Awaria</translation>
    </message>
    <message>
        <source>Failed to start</source>
        <translation>Nieudany start</translation>
    </message>
</context>
<context>
    <name>InstallListModel</name>
    <message>
        <source>empty</source>
        <translation>puste</translation>
    </message>
    <message>
        <source>already available</source>
        <translation>już dostępna</translation>
    </message>
    <message>
        <source>already being installed</source>
        <translation>już jest instalowana</translation>
    </message>
    <message>
        <source>not a valid engine version</source>
        <translation>nieprawidłowa wersja silnika</translation>
    </message>
</context>
<context>
    <name>JoinInfo</name>
    <message>
        <source>How players join</source>
        <translation>Jak dołączają gracze</translation>
    </message>
    <message>
        <source>Address %1, port %2. Each player connects with their name and password:</source>
        <translation>Adres %1, port %2. Każdy gracz łączy się ze swoją nazwą i hasłem:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>Kopiuj hasło gracza %1</translation>
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
        <translation>Szukaj w logu…</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Szukaj w logu</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Wszystko</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info i wyżej</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Ostrzeżenia i błędy</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Tylko błędy</translation>
    </message>
    <message>
        <source>Log levels to show</source>
        <translation>Pokazywane poziomy logu</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Wiersze logu</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Autohost — local mode</source>
        <translation>Autohost — tryb lokalny</translation>
    </message>
    <message>
        <source>Autohost — %1</source>
        <translation>Autohost — %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Bitwy</translation>
    </message>
    <message>
        <source>New battle</source>
        <translation>Nowa bitwa</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Silniki</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>Quit the autohost?</source>
        <translation>Zamknąć autohost?</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) are running. Quitting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>Trwa %n bitwa. Zamknięcie ją zatrzyma: silnik otrzyma polecenie zakończenia, a gracze zostaną rozłączeni.</numerusform>
            <numerusform>Trwają %n bitwy. Zamknięcie je zatrzyma: każdy silnik otrzyma polecenie zakończenia, a gracze zostaną rozłączeni.</numerusform>
            <numerusform>Trwa %n bitew. Zamknięcie je zatrzyma: każdy silnik otrzyma polecenie zakończenia, a gracze zostaną rozłączeni.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop battles and quit</source>
        <translation>Zatrzymaj bitwy i zamknij</translation>
    </message>
    <message>
        <source>Autohost</source>
        <translation>Autohost</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Pokaż: %1</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Stopping battles…</source>
        <translation>Zatrzymywanie bitew…</translation>
    </message>
    <message>
        <source>Battles: %1 / %2</source>
        <translation>Bitwy: %1 / %2</translation>
    </message>
    <message>
        <source>Autohosts</source>
        <translation>Autohosty</translation>
    </message>
    <message>
        <source>Autohost shown</source>
        <translation>Wyświetlany autohost</translation>
    </message>
    <message>
        <source>The autohost every view shows</source>
        <translation>Autohost pokazywany we wszystkich widokach</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Łączenie z %1…</translation>
    </message>
    <message>
        <source>%1 refused the token: %2</source>
        <translation>%1 odrzucił token: %2</translation>
    </message>
    <message>
        <source>No link to %1: %2. Showing its last known state; trying again.</source>
        <translation>Brak połączenia z %1: %2. Wyświetlany jest ostatni znany stan; trwa ponowna próba.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Połącz ponownie</translation>
    </message>
    <message>
        <source>Reconnect to %1</source>
        <translation>Połącz ponownie z %1</translation>
    </message>
</context>
<context>
    <name>NewBattlePage</name>
    <message>
        <source>New battle</source>
        <translation>Nowa bitwa</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Gra</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Silnik</translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation>Wersja silnika</translation>
    </message>
    <message>
        <source>No engine available: install one on the Engines page</source>
        <translation>Brak dostępnego silnika: zainstaluj go na stronie „Silniki”</translation>
    </message>
    <message>
        <source>Game name</source>
        <translation>Nazwa gry</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Map name</source>
        <translation>Nazwa mapy</translation>
    </message>
    <message>
        <source>Start positions</source>
        <translation>Pozycje startowe</translation>
    </message>
    <message>
        <source>Fixed (from the map)</source>
        <translation>Stałe (z mapy)</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Losowe</translation>
    </message>
    <message>
        <source>Chosen in game</source>
        <translation>Wybierane w grze</translation>
    </message>
    <message>
        <source>Chosen before the game</source>
        <translation>Wybierane przed grą</translation>
    </message>
    <message>
        <source>Start position type</source>
        <translation>Rodzaj pozycji startowych</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Drużyny</translation>
    </message>
    <message>
        <source>One line per ally team; separate player names with commas. Every player gets a team of their own.</source>
        <translation>Jeden wiersz na sojusz; nazwy graczy oddziel przecinkami. Każdy gracz dostaje własną drużynę.</translation>
    </message>
    <message>
        <source>Ally team %1</source>
        <translation>Sojusz %1</translation>
    </message>
    <message>
        <source>Player names, e.g. Alice, Bob</source>
        <translation>Nazwy graczy, np. Alice, Bob</translation>
    </message>
    <message>
        <source>Players of ally team %1</source>
        <translation>Gracze sojuszu %1</translation>
    </message>
    <message>
        <source>Remove ally team %1</source>
        <translation>Usuń sojusz %1</translation>
    </message>
    <message>
        <source>Add ally team</source>
        <translation>Dodaj sojusz</translation>
    </message>
    <message>
        <source>Spectators</source>
        <translation>Widzowie</translation>
    </message>
    <message>
        <source>Optional: names, separated by commas</source>
        <translation>Opcjonalnie: nazwy oddzielone przecinkami</translation>
    </message>
    <message>
        <source>Start battle</source>
        <translation>Rozpocznij bitwę</translation>
    </message>
    <message>
        <source>Battle started</source>
        <translation>Bitwa rozpoczęta</translation>
    </message>
    <message>
        <source>Players join at %1, port %2, with these names and passwords:</source>
        <translation>Gracze dołączają pod adresem %1, port %2, z tymi nazwami i hasłami:</translation>
    </message>
    <message>
        <source>spectator</source>
        <translation>widz</translation>
    </message>
    <message>
        <source>ally team %1</source>
        <translation>sojusz %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>Kopiuj hasło gracza %1</translation>
    </message>
    <message>
        <source>Open the battle</source>
        <translation>Otwórz bitwę</translation>
    </message>
    <message>
        <source>The battle did not start: %1</source>
        <translation>Bitwa nie wystartowała: %1</translation>
    </message>
</context>
<context>
    <name>PlayerList</name>
    <message>
        <source>Not connected yet</source>
        <translation>Jeszcze nie połączony</translation>
    </message>
    <message>
        <source>In game</source>
        <translation>W grze</translation>
    </message>
    <message>
        <source>Defeated</source>
        <translation>Pokonany</translation>
    </message>
    <message>
        <source>Kicked</source>
        <translation>Wyrzucony</translation>
    </message>
    <message>
        <source>Lost connection</source>
        <translation>Utracono połączenie</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Wyszedł</translation>
    </message>
    <message>
        <source>Players and spectators</source>
        <translation>Gracze i widzowie</translation>
    </message>
    <message>
        <source>Spectators</source>
        <translation>Widzowie</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Gracze</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>spectator</source>
        <translation>widz</translation>
    </message>
    <message>
        <source>ally team %1, team %2</source>
        <translation>sojusz %1, drużyna %2</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>wyciszony</translation>
    </message>
    <message>
        <source>chat muted</source>
        <translation>czat wyciszony</translation>
    </message>
    <message>
        <source>drawing muted</source>
        <translation>rysowanie wyciszone</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Akcje dla gracza %1</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>Wyrzuć…</translation>
    </message>
    <message>
        <source>Make spectator…</source>
        <translation>Przenieś do widzów…</translation>
    </message>
    <message>
        <source>Mute chat</source>
        <translation>Wycisz czat</translation>
    </message>
    <message>
        <source>Mute drawing</source>
        <translation>Wycisz rysowanie</translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>brak odpowiedzi w ciągu %n sekundy</numerusform>
            <numerusform>brak odpowiedzi w ciągu %n sekund</numerusform>
            <numerusform>brak odpowiedzi w ciągu %n sekund</numerusform>
        </translation>
    </message>
    <message>
        <source>The link to the autohost was closed.</source>
        <translation>Połączenie z autohostem zostało zamknięte.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 nie zawiera certyfikatu PEM.</translation>
    </message>
    <message>
        <source>The link to the autohost was lost.</source>
        <translation>Utracono połączenie z autohostem.</translation>
    </message>
    <message>
        <source>%1 refused the token.</source>
        <translation>%1 odrzucił token.</translation>
    </message>
    <message>
        <source>%1 refuses this computer for a while after too many wrong tokens.</source>
        <translation>%1 odrzuca ten komputer przez pewien czas po zbyt wielu błędnych tokenach.</translation>
    </message>
    <message>
        <source>%1 is no autohost admin endpoint (it answered HTTP %2).</source>
        <translation>%1 nie jest punktem administracyjnym autohosta (odpowiedź HTTP %2).</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>Certyfikat %1 nie jest zaufany: %2</translation>
    </message>
    <message>
        <source>closed by the autohost</source>
        <translation>zamknięte przez autohost</translation>
    </message>
    <message>
        <source>The link to %1 was lost: %2</source>
        <translation>Utracono połączenie z %1: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>Nie można połączyć się z %1: %2</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>połączenie zostało zamknięte</translation>
    </message>
    <message>
        <source>Not attached to the autohost.</source>
        <translation>Brak połączenia z autohostem.</translation>
    </message>
</context>
<context>
    <name>SavedAutohosts</name>
    <message>
        <source>Name the machine the autohost runs on: a host name or an IP address.</source>
        <translation>Podaj komputer, na którym działa autohost: nazwę hosta lub adres IP.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IP address.</source>
        <translation>„%1” nie jest nazwą hosta ani adresem IP.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Port musi mieścić się w zakresie od 1 do 65535.</translation>
    </message>
    <message>
        <source>The token has no spaces or control characters.</source>
        <translation>Token nie może zawierać spacji ani znaków sterujących.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Nie można odczytać %1.</translation>
    </message>
    <message>
        <source>A certificate is only used with TLS.</source>
        <translation>Certyfikat jest używany tylko z TLS.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Wygląd</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Motyw</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Jasny</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Ciemny</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>Autohost configuration</source>
        <translation>Konfiguracja autohosta</translation>
    </message>
    <message>
        <source>Saved to %1. Headless mode reads the same file; changes apply when the autohost starts again.</source>
        <translation>Zapisywana w %1. Tryb bez interfejsu czyta ten sam plik; zmiany obowiązują po ponownym uruchomieniu autohosta.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Odrzuć zmiany</translation>
    </message>
    <message>
        <source>Saved. Restart the autohost to use the new configuration.</source>
        <translation>Zapisano. Uruchom ponownie autohost, aby użyć nowej konfiguracji.</translation>
    </message>
    <message>
        <source>Restart the autohost?</source>
        <translation>Uruchomić autohost ponownie?</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) are running. Restarting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>Trwa %n bitwa. Ponowne uruchomienie ją zatrzyma: silnik otrzyma polecenie zakończenia, a gracze zostaną rozłączeni.</numerusform>
            <numerusform>Trwają %n bitwy. Ponowne uruchomienie je zatrzyma: każdy silnik otrzyma polecenie zakończenia, a gracze zostaną rozłączeni.</numerusform>
            <numerusform>Trwa %n bitew. Ponowne uruchomienie je zatrzyma: każdy silnik otrzyma polecenie zakończenia, a gracze zostaną rozłączeni.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop battles and restart</source>
        <translation>Zatrzymaj bitwy i uruchom ponownie</translation>
    </message>
    <message numerus="yes">
        <source>Restart (stops %n battle(s))</source>
        <translation>
            <numerusform>Uruchom ponownie (zatrzymuje %n bitwę)</numerusform>
            <numerusform>Uruchom ponownie (zatrzymuje %n bitwy)</numerusform>
            <numerusform>Uruchom ponownie (zatrzymuje %n bitew)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Uruchom ponownie teraz</translation>
    </message>
</context>
<context>
    <name>SortHeader</name>
    <message>
        <source>, sorted ascending</source>
        <translation>, sortowanie rosnąco</translation>
    </message>
    <message>
        <source>, sorted descending</source>
        <translation>, sortowanie malejąco</translation>
    </message>
</context>
</TS>
