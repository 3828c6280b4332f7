<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AddPlayerDialog</name>
    <message>
        <source>Add a player</source>
        <translation>Добавить игрока</translation>
    </message>
    <message>
        <source>The engine lets the new player in as a spectator. Give them the password below.</source>
        <translation>Движок впустит нового игрока как зрителя. Передайте ему пароль ниже.</translation>
    </message>
    <message>
        <source>Player name</source>
        <translation>Имя игрока</translation>
    </message>
    <message>
        <source>Name of the player to add</source>
        <translation>Имя добавляемого игрока</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Password of the added player</source>
        <translation>Пароль добавленного игрока</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>This battle has ended.</source>
        <translation>Этот бой уже завершён.</translation>
    </message>
    <message>
        <source>You killed the battle.</source>
        <translation>Вы прервали бой.</translation>
    </message>
    <message>
        <source>You kicked %1.</source>
        <translation>Вы исключили игрока %1.</translation>
    </message>
    <message>
        <source>You made %1 a spectator.</source>
        <translation>Вы перевели игрока %1 в зрители.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s chat and drawing.</source>
        <translation>Вы заблокировали чат и рисование игрока %1.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s chat.</source>
        <translation>Вы заблокировали чат игрока %1.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s drawing.</source>
        <translation>Вы заблокировали рисование игрока %1.</translation>
    </message>
    <message>
        <source>You unmuted %1.</source>
        <translation>Вы сняли блокировку с игрока %1.</translation>
    </message>
    <message>
        <source>You added %1 as a spectator.</source>
        <translation>Вы добавили игрока %1 как зрителя.</translation>
    </message>
    <message>
        <source>You said: %1</source>
        <translation>Вы написали: %1</translation>
    </message>
    <message>
        <source>Type a command.</source>
        <translation>Введите команду.</translation>
    </message>
    <message>
        <source>You sent the command: /%1</source>
        <translation>Вы отправили команду: /%1</translation>
    </message>
    <message>
        <source>%1 does not exist (yet).</source>
        <translation>%1 не существует (пока).</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>No program to open %1 was found.</source>
        <translation>Не найдена программа, чтобы открыть %1.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <source>This autohost is in the list already.</source>
        <translation>Этот автохост уже есть в списке.</translation>
    </message>
    <message>
        <source>The autohost is not connected: %1</source>
        <translation>Автохост не подключён: %1</translation>
    </message>
    <message>
        <source>The battle&apos;s files are on the machine of %1, not on this one.</source>
        <translation>Файлы боя находятся на компьютере %1, а не на этом.</translation>
    </message>
</context>
<context>
    <name>BattleDetailPage</name>
    <message>
        <source>Please confirm</source>
        <translation>Подтвердите</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Бои</translation>
    </message>
    <message>
        <source>Back to the battles</source>
        <translation>Назад к боям</translation>
    </message>
    <message>
        <source>Battle %1</source>
        <translation>Бой %1</translation>
    </message>
    <message>
        <source>Instance folder</source>
        <translation>Папка экземпляра</translation>
    </message>
    <message>
        <source>Open the instance folder</source>
        <translation>Открыть папку экземпляра</translation>
    </message>
    <message>
        <source>Engine log</source>
        <translation>Журнал движка</translation>
    </message>
    <message>
        <source>Open the engine log</source>
        <translation>Открыть журнал движка</translation>
    </message>
    <message>
        <source>Kill battle</source>
        <translation>Прервать бой</translation>
    </message>
    <message>
        <source>Kill the battle</source>
        <translation>Прервать бой</translation>
    </message>
    <message>
        <source>Kill battle %1? The engine is told to quit and every player is disconnected.</source>
        <translation>Прервать бой %1? Движок получит команду завершиться, все игроки будут отключены.</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>%1 · %2 · engine %3 · port %4 · PID %5 · up %6</source>
        <translation>%1 · %2 · движок %3 · порт %4 · PID %5 · работает %6</translation>
    </message>
    <message>
        <source>Players (%1 of %2 connected)</source>
        <translation>Игроки (подключено %1 из %2)</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Игроки</translation>
    </message>
    <message>
        <source>Add player…</source>
        <translation>Добавить игрока…</translation>
    </message>
    <message>
        <source>Kick %1 from the battle?</source>
        <translation>Исключить игрока %1 из боя?</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>Исключить</translation>
    </message>
    <message>
        <source>Make %1 a spectator? Their units are handed over or lost.</source>
        <translation>Перевести игрока %1 в зрители? Его юниты будут переданы или потеряны.</translation>
    </message>
    <message>
        <source>Make spectator</source>
        <translation>Перевести в зрители</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Лента событий</translation>
    </message>
    <message>
        <source>Message to everyone in the game</source>
        <translation>Сообщение всем в игре</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Сообщение для отправки</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Отправить сообщение</translation>
    </message>
    <message>
        <source>Engine command, e.g. /cheat or luarules ping</source>
        <translation>Команда движка, например /cheat или luarules ping</translation>
    </message>
    <message>
        <source>Engine command to send</source>
        <translation>Команда движка для отправки</translation>
    </message>
    <message>
        <source>Send command</source>
        <translation>Отправить команду</translation>
    </message>
</context>
<context>
    <name>BattlesPage</name>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Battle</source>
        <translation>Бой</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Движок</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Игра</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Игроки</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>ЦП</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Бои</translation>
    </message>
    <message>
        <source>Filter by id, engine, game, map…</source>
        <translation>Фильтр по id, движку, игре, карте…</translation>
    </message>
    <message>
        <source>Filter battles</source>
        <translation>Фильтр боёв</translation>
    </message>
    <message>
        <source>All battles</source>
        <translation>Все бои</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Завершённые</translation>
    </message>
    <message>
        <source>Show battles</source>
        <translation>Показывать бои</translation>
    </message>
    <message>
        <source>Battle %1, %2, %3 on %4</source>
        <translation>Бой %1, %2, %3 на карте %4</translation>
    </message>
    <message>
        <source>No battle matches the filter.</source>
        <translation>Нет боёв, подходящих под фильтр.</translation>
    </message>
    <message>
        <source>No battles yet. Start one from “New battle”.</source>
        <translation>Боёв пока нет. Начните бой в разделе «Новый бой».</translation>
    </message>
    <message>
        <source>No battles yet. The lobby server starts them here when players are matched.</source>
        <translation>Боёв пока нет. Сервер лобби запускает их здесь, когда подбирает игроков.</translation>
    </message>
</context>
<context>
    <name>ConfigField</name>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source>Reset %1 to its default</source>
        <translation>Сбросить %1 к значению по умолчанию</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>One entry per line</source>
        <translation>Одна запись в строке</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>Объект JSON</translation>
    </message>
</context>
<context>
    <name>ConfigKey</name>
    <message>
        <source>Host name or IP address of the Tachyon server, without scheme; empty: local mode</source>
        <translation>Имя хоста или IP-адрес сервера Tachyon, без схемы; пусто: локальный режим</translation>
    </message>
    <message>
        <source>Port of the Tachyon server; unset: 443 with TLS, 80 without</source>
        <translation>Порт сервера Tachyon; не задан: 443 с TLS, 80 без</translation>
    </message>
    <message>
        <source>Connect with TLS (https, wss); unset: TLS unless the server is localhost or a loopback address</source>
        <translation>Подключаться через TLS (https, wss); не задано: TLS, если сервер не localhost и не адрес обратной петли</translation>
    </message>
    <message>
        <source>OAuth2 client id issued by the server&apos;s admins</source>
        <translation>Идентификатор клиента OAuth2, выданный администраторами сервера</translation>
    </message>
    <message>
        <source>OAuth2 client secret issued by the server&apos;s admins</source>
        <translation>Секрет клиента OAuth2, выданный администраторами сервера</translation>
    </message>
    <message>
        <source>IPv4 or IPv6 address players connect to; required with a Tachyon server</source>
        <translation>Адрес IPv4 или IPv6, к которому подключаются игроки; обязателен с сервером Tachyon</translation>
    </message>
    <message>
        <source>Longest wait between reconnection attempts, in seconds</source>
        <translation>Наибольшая пауза между попытками переподключения, в секундах</translation>
    </message>
    <message>
        <source>How often the server&apos;s user count is asked, in seconds</source>
        <translation>Как часто запрашивается число пользователей сервера, в секундах</translation>
    </message>
    <message>
        <source>Battles at once</source>
        <translation>Боёв одновременно</translation>
    </message>
    <message>
        <source>Address the engines listen on for players</source>
        <translation>Адрес, на котором движки ждут игроков</translation>
    </message>
    <message>
        <source>First game port; each battle uses this plus its offset</source>
        <translation>Первый игровой порт; каждый бой использует его плюс своё смещение</translation>
    </message>
    <message>
        <source>First UDP port between the engines and the autohost, on 127.0.0.1</source>
        <translation>Первый UDP-порт между движками и автохостом, на 127.0.0.1</translation>
    </message>
    <message>
        <source>Number of port offsets in both ranges</source>
        <translation>Число смещений портов в обоих диапазонах</translation>
    </message>
    <message>
        <source>A battle running longer is stopped, in seconds</source>
        <translation>Бой, идущий дольше, останавливается, в секундах</translation>
    </message>
    <message>
        <source>Settings written to each battle&apos;s springsettings.cfg</source>
        <translation>Настройки, записываемые в springsettings.cfg каждого боя</translation>
    </message>
    <message>
        <source>Directory of the battles&apos; working directories</source>
        <translation>Каталог рабочих каталогов боёв</translation>
    </message>
    <message>
        <source>Directory of installed engines, one directory per version</source>
        <translation>Каталог установленных движков, по каталогу на версию</translation>
    </message>
    <message>
        <source>Engines kept elsewhere, never written to: engine directories or directories of versions</source>
        <translation>Движки, хранящиеся в другом месте, без записи: каталоги движков или каталоги версий</translation>
    </message>
    <message>
        <source>Offer the system&apos;s engine too (Debian&apos;s spring package)</source>
        <translation>Предлагать и системный движок (пакет spring из Debian)</translation>
    </message>
    <message>
        <source>Extra data directories (maps, games) for every engine</source>
        <translation>Дополнительные каталоги данных (карты, игры) для всех движков</translation>
    </message>
    <message>
        <source>Where engines to install are looked up</source>
        <translation>Где искать движки для установки</translation>
    </message>
    <message>
        <source>Longest time for one download attempt of an engine archive, in seconds</source>
        <translation>Наибольшее время одной попытки загрузки архива движка, в секундах</translation>
    </message>
    <message>
        <source>Download attempts per engine install</source>
        <translation>Попыток загрузки на установку движка</translation>
    </message>
    <message>
        <source>Wait before the second download attempt, doubling after, in milliseconds</source>
        <translation>Пауза перед второй попыткой загрузки, затем удваивается, в миллисекундах</translation>
    </message>
    <message>
        <source>How long battle updates are kept for subscribers to replay, in seconds</source>
        <translation>Сколько хранятся обновления боёв для повтора подписчикам, в секундах</translation>
    </message>
    <message>
        <source>How long an engine may take to start, in seconds</source>
        <translation>Сколько времени движку даётся на запуск, в секундах</translation>
    </message>
    <message>
        <source>After a stop request, how long an engine may take to quit before it is terminated, in seconds</source>
        <translation>Сколько времени после запроса остановки движку даётся на выход, прежде чем его завершат принудительно, в секундах</translation>
    </message>
    <message>
        <source>Log lines as plain text or as JSON lines</source>
        <translation>Строки журнала простым текстом или строками JSON</translation>
    </message>
    <message>
        <source>Directory of the update journal, which lets the server replay updates across a restart and reports battles cut off by a crash; empty: no journal</source>
        <translation>Каталог журнала обновлений: сервер может повторно получить обновления после перезапуска, а о боях, прерванных сбоем, будет сообщено; пусто: без журнала</translation>
    </message>
    <message>
        <source>Most disk space the update journal takes, in MiB; the oldest updates go first</source>
        <translation>Наибольший объём журнала обновлений на диске, в МиБ; самые старые обновления удаляются первыми</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Бои</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Движки</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Дополнительно</translation>
    </message>
    <message>
        <source>Address and port of the admin endpoint (metrics, state, remote control), e.g. 127.0.0.1:8201; empty: no endpoint</source>
        <translation>Адрес и порт административной точки доступа (метрики, состояние, удалённое управление), например 127.0.0.1:8201; пусто: без точки доступа</translation>
    </message>
    <message>
        <source>Bearer token of the admin endpoint; unset: the one in the data directory&apos;s admin-token file, made on first run; empty: no authentication (loopback only)</source>
        <translation>Токен Bearer административной точки доступа; не задан: из файла admin-token в каталоге данных, создаётся при первом запуске; пусто: без аутентификации (только loopback)</translation>
    </message>
    <message>
        <source>Serve the Prometheus metrics without the token</source>
        <translation>Отдавать метрики Prometheus без токена</translation>
    </message>
    <message>
        <source>PEM certificate file for HTTPS on the admin endpoint; needs the key too</source>
        <translation>Файл сертификата PEM для HTTPS административной точки доступа; нужен и ключ</translation>
    </message>
    <message>
        <source>PEM private key file of that certificate</source>
        <translation>Файл закрытого ключа PEM этого сертификата</translation>
    </message>
    <message>
        <source>Admin endpoint</source>
        <translation>Административная точка доступа</translation>
    </message>
    <message>
        <source>On SIGTERM, how long running battles may go on before they are stopped, in seconds; 0: stop them at once</source>
        <translation>При SIGTERM: сколько секунд идущие бои могут продолжаться, прежде чем их остановят; 0: остановить сразу</translation>
    </message>
    <message>
        <source>Cores of each engine: all, spread (the least-used core each), spread:0-7, or cores such as 0-3,6</source>
        <translation>Ядра каждого движка: all, spread (каждому наименее занятое ядро), spread:0-7 или ядра вида 0-3,6</translation>
    </message>
    <message>
        <source>Nice level of each engine, 0 to 19; 0: the autohost&apos;s own</source>
        <translation>Уровень nice каждого движка, от 0 до 19; 0: как у автохоста</translation>
    </message>
    <message>
        <source>Address space limit of each engine, in megabytes; 0: none</source>
        <translation>Предел адресного пространства каждого движка, в мегабайтах; 0: без предела</translation>
    </message>
    <message>
        <source>Updates one battle may add per second after a burst of 5000; more are dropped</source>
        <translation>Сколько обновлений в секунду бой может добавить после всплеска в 5000; лишние отбрасываются</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to autohost</source>
        <translation>Подключиться к автохосту</translation>
    </message>
    <message>
        <source>Certificate to trust</source>
        <translation>Доверенный сертификат</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>Сертификаты PEM (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Optional, e.g. Home server</source>
        <translation>Необязательно, например Домашний сервер</translation>
    </message>
    <message>
        <source>Name of the autohost</source>
        <translation>Название автохоста</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Хост</translation>
    </message>
    <message>
        <source>Host name or IP address</source>
        <translation>Имя хоста или IP-адрес</translation>
    </message>
    <message>
        <source>Host of the autohost</source>
        <translation>Хост автохоста</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Port of the admin endpoint</source>
        <translation>Порт административной точки доступа</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>From the admin-token file in the autohost&apos;s data directory</source>
        <translation>Из файла admin-token в каталоге данных автохоста</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Административный токен</translation>
    </message>
    <message>
        <source>TLS (the autohost has adminTlsCertificate set)</source>
        <translation>TLS (у автохоста задан adminTlsCertificate)</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>Использовать TLS</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <source>Optional: a self-signed autohost&apos;s certificate</source>
        <translation>Необязательно: самоподписанный сертификат автохоста</translation>
    </message>
    <message>
        <source>Certificate file to trust</source>
        <translation>Файл доверенного сертификата</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Выбрать файл сертификата</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>Connect to the autohost</source>
        <translation>Подключиться к автохосту</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <source>Local mode</source>
        <translation>Локальный режим</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Повтор через %n с</numerusform>
            <numerusform>Повтор через %n с</numerusform>
            <numerusform>Повтор через %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Отключение…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Отключено</translation>
    </message>
    <message>
        <source>Lobby connection: %1</source>
        <translation>Соединение с лобби: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Lobby server</source>
        <translation>Сервер лобби</translation>
    </message>
    <message>
        <source>No Tachyon server is configured: battles are started here, from “New battle”.</source>
        <translation>Сервер Tachyon не настроен: бои запускаются здесь, в разделе «Новый бой».</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Последняя ошибка: %1</translation>
    </message>
    <message>
        <source>users on the server</source>
        <translation>пользователей на сервере</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Лимит боёв</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>battles running / maximum</source>
        <translation>идущие бои / максимум</translation>
    </message>
    <message>
        <source>Capacity used</source>
        <translation>Использование лимита</translation>
    </message>
    <message>
        <source>Drain: accept no new battles</source>
        <translation>Вывод из работы: не принимать новые бои</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Движки</translation>
    </message>
    <message>
        <source>engines available</source>
        <translation>доступных движков</translation>
    </message>
    <message>
        <source>None yet: install one from the Engines page.</source>
        <translation>Пока нет: установите движок на странице «Движки».</translation>
    </message>
    <message>
        <source>Running battles, last hour</source>
        <translation>Идущие бои, последний час</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>Running battles over the last hour</source>
        <translation>Идущие бои за последний час</translation>
    </message>
    <message>
        <source>Updates per second, last hour</source>
        <translation>Обновлений в секунду, последний час</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>пик</translation>
    </message>
    <message>
        <source>Updates per second over the last hour</source>
        <translation>Обновлений в секунду за последний час</translation>
    </message>
</context>
<context>
    <name>EnginesPage</name>
    <message>
        <source>Waiting for another install to finish</source>
        <translation>Ожидание завершения другой установки</translation>
    </message>
    <message>
        <source>Looking up the download</source>
        <translation>Поиск загрузки</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <source>Unpacking</source>
        <translation>Распаковка</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Установлен</translation>
    </message>
    <message>
        <source>Extra directory</source>
        <translation>Доп. каталог</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Системный</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Движки</translation>
    </message>
    <message>
        <source>Install an engine</source>
        <translation>Установка движка</translation>
    </message>
    <message>
        <source>Engine version, e.g. 2025.06.22</source>
        <translation>Версия движка, например 2025.06.22</translation>
    </message>
    <message>
        <source>Engine version to install</source>
        <translation>Версия движка для установки</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Установить</translation>
    </message>
    <message>
        <source>Engines come from the BAR file server and are unpacked into %1.</source>
        <translation>Движки берутся с файлового сервера BAR и распаковываются в %1.</translation>
    </message>
    <message>
        <source> (attempt %1 of %2)</source>
        <translation> (попытка %1 из %2)</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 из %2 (%3 %)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Retry installing %1</source>
        <translation>Повторить установку %1</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Ход установки %1</translation>
    </message>
    <message>
        <source>Available engines (%1)</source>
        <translation>Доступные движки (%1)</translation>
    </message>
    <message>
        <source>No engine yet. Install one above, or put one into %1.</source>
        <translation>Движков пока нет. Установите движок выше или поместите его в %1.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>in use by %n battle(s)</source>
        <translation>
            <numerusform>используется в %n бою</numerusform>
            <numerusform>используется в %n боях</numerusform>
            <numerusform>используется в %n боях</numerusform>
        </translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>не используется</translation>
    </message>
</context>
<context>
    <name>FeedEntry</name>
    <message>
        <source>reported the game over</source>
        <translation>сообщил о конце игры</translation>
    </message>
    <message>
        <source>reported the game over, winners: ally team %1</source>
        <translation>сообщил о конце игры, победитель: альянс %1</translation>
    </message>
    <message>
        <source>reported the game over, winners: ally teams %1</source>
        <translation>сообщил о конце игры, победители: альянсы %1</translation>
    </message>
    <message>
        <source>lost connection</source>
        <translation>потерял соединение</translation>
    </message>
    <message>
        <source>left</source>
        <translation>покинул игру</translation>
    </message>
    <message>
        <source>left: kicked</source>
        <translation>был исключён</translation>
    </message>
    <message>
        <source>left: %1</source>
        <translation>покинул игру: %1</translation>
    </message>
    <message>
        <source>to allies</source>
        <translation>союзникам</translation>
    </message>
    <message>
        <source>to spectators</source>
        <translation>зрителям</translation>
    </message>
    <message>
        <source>to all</source>
        <translation>всем</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>для %1</translation>
    </message>
    <message>
        <source>(not base64)</source>
        <translation>(не base64)</translation>
    </message>
    <message>
        <source>joined as player %1</source>
        <translation>вошёл как игрок %1</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>вошёл в игру</translation>
    </message>
    <message>
        <source>defeated</source>
        <translation>потерпел поражение</translation>
    </message>
    <message>
        <source>game started</source>
        <translation>игра началась</translation>
    </message>
    <message>
        <source>%1 script</source>
        <translation>скрипт %1</translation>
    </message>
    <message>
        <source>engine quit</source>
        <translation>движок завершил работу</translation>
    </message>
    <message>
        <source>engine crashed</source>
        <translation>движок аварийно завершился</translation>
    </message>
    <message>
        <source>engine crashed: %1</source>
        <translation>движок аварийно завершился: %1</translation>
    </message>
</context>
<context>
    <name>FeedView</name>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Joins and leaves</source>
        <translation>Входы и выходы</translation>
    </message>
    <message>
        <source>Lua messages</source>
        <translation>Сообщения Lua</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Игра</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Движок</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Показывать: %1</translation>
    </message>
    <message>
        <source>Search the feed…</source>
        <translation>Поиск в ленте…</translation>
    </message>
    <message>
        <source>Search the feed</source>
        <translation>Поиск в ленте</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 из %2 строк</translation>
    </message>
    <message>
        <source>Battle feed</source>
        <translation>Лента боя</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Нет строк, подходящих под фильтр.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Пока ничего не произошло.</translation>
    </message>
    <message>
        <source>Follow newest</source>
        <translation>Следить за новыми</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Attached</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Переподключение…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Токен отклонён</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Недоступен</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Отключено</translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation>Локальный режим</translation>
    </message>
    <message>
        <source>Connected to the lobby</source>
        <translation>Подключено к лобби</translation>
    </message>
    <message>
        <source>Lobby: retrying</source>
        <translation>Лобби: повтор</translation>
    </message>
    <message>
        <source>Lobby: unknown</source>
        <translation>Лобби: неизвестно</translation>
    </message>
    <message>
        <source>Lobby: connecting</source>
        <translation>Лобби: подключение</translation>
    </message>
    <message>
        <source>Autohosts</source>
        <translation>Автохосты</translation>
    </message>
    <message>
        <source>Connect to autohost…</source>
        <translation>Подключиться к автохосту…</translation>
    </message>
    <message>
        <source>Connect to a remote autohost</source>
        <translation>Подключиться к удалённому автохосту</translation>
    </message>
    <message>
        <source>Watch and steer autohosts that run elsewhere (headless on a server) through their admin endpoint. The list is kept for the next start.</source>
        <translation>Наблюдайте за автохостами, работающими в другом месте (без интерфейса, на сервере), и управляйте ими через их административную точку доступа. Список сохраняется до следующего запуска.</translation>
    </message>
    <message>
        <source>Autohost %1</source>
        <translation>Автохост %1</translation>
    </message>
    <message>
        <source>Runs in this app</source>
        <translation>Работает в этом приложении</translation>
    </message>
    <message>
        <source>battles running</source>
        <translation>идущие бои</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>вывод из работы</translation>
    </message>
    <message>
        <source>battles accepted</source>
        <translation>принимаемые бои</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) crashed</source>
        <translation>
            <numerusform>%n бой завершился сбоем</numerusform>
            <numerusform>%n боя завершились сбоем</numerusform>
            <numerusform>%n боёв завершились сбоем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n engine install(s) failed</source>
        <translation>
            <numerusform>%n установка движка не удалась</numerusform>
            <numerusform>%n установки движка не удались</numerusform>
            <numerusform>%n установок движка не удалось</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Показан</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Show autohost %1</source>
        <translation>Показать автохост %1</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Переподключиться</translation>
    </message>
    <message>
        <source>Reconnect to autohost %1</source>
        <translation>Переподключиться к автохосту %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove autohost %1 from the list</source>
        <translation>Удалить автохост %1 из списка</translation>
    </message>
    <message>
        <source>Remove %1 from the list? The autohost keeps running; only this app stops watching it.</source>
        <translation>Удалить %1 из списка? Автохост продолжит работать; только это приложение перестанет за ним следить.</translation>
    </message>
    <message>
        <source>Remove autohost?</source>
        <translation>Удалить автохост?</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 ГБ</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Идёт</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Остановка</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Сбой</translation>
    </message>
    <message>
        <source>Failed to start</source>
        <translation>Не запустился</translation>
    </message>
</context>
<context>
    <name>InstallListModel</name>
    <message>
        <source>empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <source>already available</source>
        <translation>уже доступна</translation>
    </message>
    <message>
        <source>already being installed</source>
        <translation>уже устанавливается</translation>
    </message>
    <message>
        <source>not a valid engine version</source>
        <translation>недопустимая версия движка</translation>
    </message>
</context>
<context>
    <name>JoinInfo</name>
    <message>
        <source>How players join</source>
        <translation>Как подключаются игроки</translation>
    </message>
    <message>
        <source>Address %1, port %2. Each player connects with their name and password:</source>
        <translation>Адрес %1, порт %2. Каждый игрок подключается со своим именем и паролем:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>Копировать пароль игрока %1</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Search the log…</source>
        <translation>Поиск в журнале…</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Поиск в журнале</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info и выше</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Предупреждения и ошибки</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Только ошибки</translation>
    </message>
    <message>
        <source>Log levels to show</source>
        <translation>Показываемые уровни журнала</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Строки журнала</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Autohost — local mode</source>
        <translation>Autohost — локальный режим</translation>
    </message>
    <message>
        <source>Autohost — %1</source>
        <translation>Autohost — %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Бои</translation>
    </message>
    <message>
        <source>New battle</source>
        <translation>Новый бой</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Движки</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Quit the autohost?</source>
        <translation>Завершить автохост?</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) are running. Quitting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>Идёт %n бой. Выход остановит его: движок получит команду завершиться, игроки будут отключены.</numerusform>
            <numerusform>Идут %n боя. Выход остановит их: каждый движок получит команду завершиться, игроки будут отключены.</numerusform>
            <numerusform>Идут %n боёв. Выход остановит их: каждый движок получит команду завершиться, игроки будут отключены.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop battles and quit</source>
        <translation>Остановить бои и выйти</translation>
    </message>
    <message>
        <source>Autohost</source>
        <translation>Autohost</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Показать: %1</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Stopping battles…</source>
        <translation>Остановка боёв…</translation>
    </message>
    <message>
        <source>Battles: %1 / %2</source>
        <translation>Бои: %1 / %2</translation>
    </message>
    <message>
        <source>Autohosts</source>
        <translation>Автохосты</translation>
    </message>
    <message>
        <source>Autohost shown</source>
        <translation>Показываемый автохост</translation>
    </message>
    <message>
        <source>The autohost every view shows</source>
        <translation>Автохост, показываемый во всех разделах</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <source>%1 refused the token: %2</source>
        <translation>%1 отклонил токен: %2</translation>
    </message>
    <message>
        <source>No link to %1: %2. Showing its last known state; trying again.</source>
        <translation>Нет соединения с %1: %2. Показано последнее известное состояние; повторная попытка.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Переподключиться</translation>
    </message>
    <message>
        <source>Reconnect to %1</source>
        <translation>Переподключиться к %1</translation>
    </message>
</context>
<context>
    <name>NewBattlePage</name>
    <message>
        <source>New battle</source>
        <translation>Новый бой</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Игра</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Движок</translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation>Версия движка</translation>
    </message>
    <message>
        <source>No engine available: install one on the Engines page</source>
        <translation>Нет доступного движка: установите его на странице «Движки»</translation>
    </message>
    <message>
        <source>Game name</source>
        <translation>Название игры</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Map name</source>
        <translation>Название карты</translation>
    </message>
    <message>
        <source>Start positions</source>
        <translation>Стартовые позиции</translation>
    </message>
    <message>
        <source>Fixed (from the map)</source>
        <translation>Фиксированные (с карты)</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Случайные</translation>
    </message>
    <message>
        <source>Chosen in game</source>
        <translation>Выбираются в игре</translation>
    </message>
    <message>
        <source>Chosen before the game</source>
        <translation>Выбираются до игры</translation>
    </message>
    <message>
        <source>Start position type</source>
        <translation>Тип стартовых позиций</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Команды</translation>
    </message>
    <message>
        <source>One line per ally team; separate player names with commas. Every player gets a team of their own.</source>
        <translation>Одна строка на альянс; имена игроков разделяйте запятыми. Каждый игрок получает свою команду.</translation>
    </message>
    <message>
        <source>Ally team %1</source>
        <translation>Альянс %1</translation>
    </message>
    <message>
        <source>Player names, e.g. Alice, Bob</source>
        <translation>Имена игроков, например Alice, Bob</translation>
    </message>
    <message>
        <source>Players of ally team %1</source>
        <translation>Игроки альянса %1</translation>
    </message>
    <message>
        <source>Remove ally team %1</source>
        <translation>Удалить альянс %1</translation>
    </message>
    <message>
        <source>Add ally team</source>
        <translation>Добавить альянс</translation>
    </message>
    <message>
        <source>Spectators</source>
        <translation>Зрители</translation>
    </message>
    <message>
        <source>Optional: names, separated by commas</source>
        <translation>Необязательно: имена через запятую</translation>
    </message>
    <message>
        <source>Start battle</source>
        <translation>Начать бой</translation>
    </message>
    <message>
        <source>Battle started</source>
        <translation>Бой начат</translation>
    </message>
    <message>
        <source>Players join at %1, port %2, with these names and passwords:</source>
        <translation>Игроки подключаются к %1, порт %2, с этими именами и паролями:</translation>
    </message>
    <message>
        <source>spectator</source>
        <translation>зритель</translation>
    </message>
    <message>
        <source>ally team %1</source>
        <translation>альянс %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>Копировать пароль игрока %1</translation>
    </message>
    <message>
        <source>Open the battle</source>
        <translation>Открыть бой</translation>
    </message>
    <message>
        <source>The battle did not start: %1</source>
        <translation>Бой не запустился: %1</translation>
    </message>
</context>
<context>
    <name>PlayerList</name>
    <message>
        <source>Not connected yet</source>
        <translation>Ещё не подключён</translation>
    </message>
    <message>
        <source>In game</source>
        <translation>В игре</translation>
    </message>
    <message>
        <source>Defeated</source>
        <translation>Побеждён</translation>
    </message>
    <message>
        <source>Kicked</source>
        <translation>Исключён</translation>
    </message>
    <message>
        <source>Lost connection</source>
        <translation>Связь потеряна</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Вышел</translation>
    </message>
    <message>
        <source>Players and spectators</source>
        <translation>Игроки и зрители</translation>
    </message>
    <message>
        <source>Spectators</source>
        <translation>Зрители</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Игроки</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>spectator</source>
        <translation>зритель</translation>
    </message>
    <message>
        <source>ally team %1, team %2</source>
        <translation>альянс %1, команда %2</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>заблокирован</translation>
    </message>
    <message>
        <source>chat muted</source>
        <translation>чат заблокирован</translation>
    </message>
    <message>
        <source>drawing muted</source>
        <translation>рисование заблокировано</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Действия с игроком %1</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>Исключить…</translation>
    </message>
    <message>
        <source>Make spectator…</source>
        <translation>Перевести в зрители…</translation>
    </message>
    <message>
        <source>Mute chat</source>
        <translation>Заблокировать чат</translation>
    </message>
    <message>
        <source>Mute drawing</source>
        <translation>Заблокировать рисование</translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>нет ответа за %n секунду</numerusform>
            <numerusform>нет ответа за %n секунды</numerusform>
            <numerusform>нет ответа за %n секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>The link to the autohost was closed.</source>
        <translation>Соединение с автохостом закрыто.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 не содержит сертификата PEM.</translation>
    </message>
    <message>
        <source>The link to the autohost was lost.</source>
        <translation>Соединение с автохостом потеряно.</translation>
    </message>
    <message>
        <source>%1 refused the token.</source>
        <translation>%1 отклонил токен.</translation>
    </message>
    <message>
        <source>%1 refuses this computer for a while after too many wrong tokens.</source>
        <translation>%1 временно не принимает этот компьютер после слишком большого числа неверных токенов.</translation>
    </message>
    <message>
        <source>%1 is no autohost admin endpoint (it answered HTTP %2).</source>
        <translation>%1 — не административная точка доступа автохоста (ответ HTTP %2).</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>Сертификат %1 не является доверенным: %2</translation>
    </message>
    <message>
        <source>closed by the autohost</source>
        <translation>закрыто автохостом</translation>
    </message>
    <message>
        <source>The link to %1 was lost: %2</source>
        <translation>Соединение с %1 потеряно: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>Не удаётся связаться с %1: %2</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>соединение закрыто</translation>
    </message>
    <message>
        <source>Not attached to the autohost.</source>
        <translation>Нет подключения к автохосту.</translation>
    </message>
</context>
<context>
    <name>SavedAutohosts</name>
    <message>
        <source>Name the machine the autohost runs on: a host name or an IP address.</source>
        <translation>Укажите машину, на которой работает автохост: имя хоста или IP-адрес.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IP address.</source>
        <translation>«%1» — не имя хоста и не IP-адрес.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Порт должен быть от 1 до 65535.</translation>
    </message>
    <message>
        <source>The token has no spaces or control characters.</source>
        <translation>Токен не должен содержать пробелов и управляющих символов.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Не удаётся прочитать %1.</translation>
    </message>
    <message>
        <source>A certificate is only used with TLS.</source>
        <translation>Сертификат используется только с TLS.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Оформление</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Autohost configuration</source>
        <translation>Конфигурация автохоста</translation>
    </message>
    <message>
        <source>Saved to %1. Headless mode reads the same file; changes apply when the autohost starts again.</source>
        <translation>Сохраняется в %1. Режим без интерфейса читает тот же файл; изменения вступают в силу после перезапуска автохоста.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Saved. Restart the autohost to use the new configuration.</source>
        <translation>Сохранено. Перезапустите автохост, чтобы применить новую конфигурацию.</translation>
    </message>
    <message>
        <source>Restart the autohost?</source>
        <translation>Перезапустить автохост?</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) are running. Restarting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>Идёт %n бой. Перезапуск остановит его: движок получит команду завершиться, игроки будут отключены.</numerusform>
            <numerusform>Идут %n боя. Перезапуск остановит их: каждый движок получит команду завершиться, игроки будут отключены.</numerusform>
            <numerusform>Идут %n боёв. Перезапуск остановит их: каждый движок получит команду завершиться, игроки будут отключены.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop battles and restart</source>
        <translation>Остановить бои и перезапустить</translation>
    </message>
    <message numerus="yes">
        <source>Restart (stops %n battle(s))</source>
        <translation>
            <numerusform>Перезапустить (остановит %n бой)</numerusform>
            <numerusform>Перезапустить (остановит %n боя)</numerusform>
            <numerusform>Перезапустить (остановит %n боёв)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Перезапустить сейчас</translation>
    </message>
</context>
<context>
    <name>SortHeader</name>
    <message>
        <source>, sorted ascending</source>
        <translation>, по возрастанию</translation>
    </message>
    <message>
        <source>, sorted descending</source>
        <translation>, по убыванию</translation>
    </message>
</context>
</TS>
