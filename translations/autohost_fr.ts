<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddPlayerDialog</name>
    <message>
        <source>Add a player</source>
        <translation>Ajouter un joueur</translation>
    </message>
    <message>
        <source>The engine lets the new player in as a spectator. Give them the password below.</source>
        <translation>Le moteur admet le nouveau joueur comme spectateur. Donnez-lui le mot de passe ci-dessous.</translation>
    </message>
    <message>
        <source>Player name</source>
        <translation>Nom du joueur</translation>
    </message>
    <message>
        <source>Name of the player to add</source>
        <translation>Nom du joueur à ajouter</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Password of the added player</source>
        <translation>Mot de passe du joueur ajouté</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>This battle has ended.</source>
        <translation>Cette partie est terminée.</translation>
    </message>
    <message>
        <source>You killed the battle.</source>
        <translation>Vous avez arrêté la partie.</translation>
    </message>
    <message>
        <source>You kicked %1.</source>
        <translation>Vous avez exclu %1.</translation>
    </message>
    <message>
        <source>You made %1 a spectator.</source>
        <translation>Vous avez fait de %1 un spectateur.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s chat and drawing.</source>
        <translation>Vous avez coupé le chat et les dessins de %1.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s chat.</source>
        <translation>Vous avez coupé le chat de %1.</translation>
    </message>
    <message>
        <source>You muted %1&apos;s drawing.</source>
        <translation>Vous avez coupé les dessins de %1.</translation>
    </message>
    <message>
        <source>You unmuted %1.</source>
        <translation>Vous avez rétabli la parole de %1.</translation>
    </message>
    <message>
        <source>You added %1 as a spectator.</source>
        <translation>Vous avez ajouté %1 comme spectateur.</translation>
    </message>
    <message>
        <source>You said: %1</source>
        <translation>Vous avez dit : %1</translation>
    </message>
    <message>
        <source>Type a command.</source>
        <translation>Saisissez une commande.</translation>
    </message>
    <message>
        <source>You sent the command: /%1</source>
        <translation>Vous avez envoyé la commande : /%1</translation>
    </message>
    <message>
        <source>%1 does not exist (yet).</source>
        <translation>%1 n’existe pas (encore).</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Le fichier</translation>
    </message>
    <message>
        <source>No program to open %1 was found.</source>
        <translation>Aucun programme pour ouvrir %1 n’a été trouvé.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>This autohost is in the list already.</source>
        <translation>Cet autohost est déjà dans la liste.</translation>
    </message>
    <message>
        <source>The autohost is not connected: %1</source>
        <translation>L’autohost n’est pas connecté : %1</translation>
    </message>
    <message>
        <source>The battle&apos;s files are on the machine of %1, not on this one.</source>
        <translation>Les fichiers de la partie sont sur la machine de %1, pas sur celle-ci.</translation>
    </message>
</context>
<context>
    <name>BattleDetailPage</name>
    <message>
        <source>Please confirm</source>
        <translation>Veuillez confirmer</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Back to the battles</source>
        <translation>Retour aux parties</translation>
    </message>
    <message>
        <source>Battle %1</source>
        <translation>Partie %1</translation>
    </message>
    <message>
        <source>Instance folder</source>
        <translation>Dossier de l’instance</translation>
    </message>
    <message>
        <source>Open the instance folder</source>
        <translation>Ouvrir le dossier de l’instance</translation>
    </message>
    <message>
        <source>Engine log</source>
        <translation>Journal du moteur</translation>
    </message>
    <message>
        <source>Open the engine log</source>
        <translation>Ouvrir le journal du moteur</translation>
    </message>
    <message>
        <source>Kill battle</source>
        <translation>Arrêter la partie</translation>
    </message>
    <message>
        <source>Kill the battle</source>
        <translation>Arrêter la partie</translation>
    </message>
    <message>
        <source>Kill battle %1? The engine is told to quit and every player is disconnected.</source>
        <translation>Arrêter la partie %1 ? Le moteur reçoit l’ordre de quitter et tous les joueurs sont déconnectés.</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>%1 · %2 · engine %3 · port %4 · PID %5 · up %6</source>
        <translation>%1 · %2 · moteur %3 · port %4 · PID %5 · depuis %6</translation>
    </message>
    <message>
        <source>Players (%1 of %2 connected)</source>
        <translation>Joueurs (%1 sur %2 connectés)</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Joueurs</translation>
    </message>
    <message>
        <source>Add player…</source>
        <translation>Ajouter un joueur…</translation>
    </message>
    <message>
        <source>Kick %1 from the battle?</source>
        <translation>Exclure %1 de la partie ?</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>Exclure</translation>
    </message>
    <message>
        <source>Make %1 a spectator? Their units are handed over or lost.</source>
        <translation>Faire de %1 un spectateur ? Ses unités sont cédées ou perdues.</translation>
    </message>
    <message>
        <source>Make spectator</source>
        <translation>Rendre spectateur</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Flux en direct</translation>
    </message>
    <message>
        <source>Message to everyone in the game</source>
        <translation>Message à tous les participants</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Message à envoyer</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Engine command, e.g. /cheat or luarules ping</source>
        <translation>Commande du moteur, p. ex. /cheat ou luarules ping</translation>
    </message>
    <message>
        <source>Engine command to send</source>
        <translation>Commande du moteur à envoyer</translation>
    </message>
    <message>
        <source>Send command</source>
        <translation>Envoyer la commande</translation>
    </message>
</context>
<context>
    <name>BattlesPage</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Battle</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Joueurs</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Durée</translation>
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
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Filter by id, engine, game, map…</source>
        <translation>Filtrer par id, moteur, jeu, carte…</translation>
    </message>
    <message>
        <source>Filter battles</source>
        <translation>Filtrer les parties</translation>
    </message>
    <message>
        <source>All battles</source>
        <translation>Toutes les parties</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminées</translation>
    </message>
    <message>
        <source>Show battles</source>
        <translation>Parties affichées</translation>
    </message>
    <message>
        <source>Battle %1, %2, %3 on %4</source>
        <translation>Partie %1, %2, %3 sur %4</translation>
    </message>
    <message>
        <source>No battle matches the filter.</source>
        <translation>Aucune partie ne correspond au filtre.</translation>
    </message>
    <message>
        <source>No battles yet. Start one from “New battle”.</source>
        <translation>Aucune partie pour l’instant. Lancez-en une depuis « Nouvelle partie ».</translation>
    </message>
    <message>
        <source>No battles yet. The lobby server starts them here when players are matched.</source>
        <translation>Aucune partie pour l’instant. Le serveur de lobby les lance ici quand des joueurs sont appariés.</translation>
    </message>
</context>
<context>
    <name>ConfigField</name>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Reset %1 to its default</source>
        <translation>Rétablir %1 à sa valeur par défaut</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>One entry per line</source>
        <translation>Une entrée par ligne</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>Objet JSON</translation>
    </message>
</context>
<context>
    <name>ConfigKey</name>
    <message>
        <source>Host name or IP address of the Tachyon server, without scheme; empty: local mode</source>
        <translation>Nom d’hôte ou adresse IP du serveur Tachyon, sans schéma ; vide : mode local</translation>
    </message>
    <message>
        <source>Port of the Tachyon server; unset: 443 with TLS, 80 without</source>
        <translation>Port du serveur Tachyon ; non défini : 443 avec TLS, 80 sans</translation>
    </message>
    <message>
        <source>Connect with TLS (https, wss); unset: TLS unless the server is localhost or a loopback address</source>
        <translation>Se connecter avec TLS (https, wss) ; non défini : TLS sauf si le serveur est localhost ou une adresse de bouclage</translation>
    </message>
    <message>
        <source>OAuth2 client id issued by the server&apos;s admins</source>
        <translation>Identifiant client OAuth2 délivré par les administrateurs du serveur</translation>
    </message>
    <message>
        <source>OAuth2 client secret issued by the server&apos;s admins</source>
        <translation>Secret client OAuth2 délivré par les administrateurs du serveur</translation>
    </message>
    <message>
        <source>IPv4 or IPv6 address players connect to; required with a Tachyon server</source>
        <translation>Adresse IPv4 ou IPv6 à laquelle les joueurs se connectent ; requise avec un serveur Tachyon</translation>
    </message>
    <message>
        <source>Longest wait between reconnection attempts, in seconds</source>
        <translation>Attente maximale entre deux tentatives de reconnexion, en secondes</translation>
    </message>
    <message>
        <source>How often the server&apos;s user count is asked, in seconds</source>
        <translation>Fréquence de la demande du nombre d’utilisateurs du serveur, en secondes</translation>
    </message>
    <message>
        <source>Battles at once</source>
        <translation>Parties simultanées</translation>
    </message>
    <message>
        <source>Address the engines listen on for players</source>
        <translation>Adresse sur laquelle les moteurs attendent les joueurs</translation>
    </message>
    <message>
        <source>First game port; each battle uses this plus its offset</source>
        <translation>Premier port de jeu ; chaque partie utilise celui-ci plus son décalage</translation>
    </message>
    <message>
        <source>First UDP port between the engines and the autohost, on 127.0.0.1</source>
        <translation>Premier port UDP entre les moteurs et l’autohost, sur 127.0.0.1</translation>
    </message>
    <message>
        <source>Number of port offsets in both ranges</source>
        <translation>Nombre de décalages de port dans les deux plages</translation>
    </message>
    <message>
        <source>A battle running longer is stopped, in seconds</source>
        <translation>Une partie qui dure plus longtemps est arrêtée, en secondes</translation>
    </message>
    <message>
        <source>Settings written to each battle&apos;s springsettings.cfg</source>
        <translation>Réglages écrits dans le springsettings.cfg de chaque partie</translation>
    </message>
    <message>
        <source>Directory of the battles&apos; working directories</source>
        <translation>Répertoire des répertoires de travail des parties</translation>
    </message>
    <message>
        <source>Directory of installed engines, one directory per version</source>
        <translation>Répertoire des moteurs installés, un répertoire par version</translation>
    </message>
    <message>
        <source>Engines kept elsewhere, never written to: engine directories or directories of versions</source>
        <translation>Moteurs conservés ailleurs, jamais modifiés : répertoires de moteur ou répertoires de versions</translation>
    </message>
    <message>
        <source>Offer the system&apos;s engine too (Debian&apos;s spring package)</source>
        <translation>Proposer aussi le moteur du système (paquet spring de Debian)</translation>
    </message>
    <message>
        <source>Extra data directories (maps, games) for every engine</source>
        <translation>Répertoires de données supplémentaires (cartes, jeux) pour chaque moteur</translation>
    </message>
    <message>
        <source>Where engines to install are looked up</source>
        <translation>Où chercher les moteurs à installer</translation>
    </message>
    <message>
        <source>Longest time for one download attempt of an engine archive, in seconds</source>
        <translation>Durée maximale d’une tentative de téléchargement d’une archive de moteur, en secondes</translation>
    </message>
    <message>
        <source>Download attempts per engine install</source>
        <translation>Tentatives de téléchargement par installation de moteur</translation>
    </message>
    <message>
        <source>Wait before the second download attempt, doubling after, in milliseconds</source>
        <translation>Attente avant la deuxième tentative de téléchargement, doublée ensuite, en millisecondes</translation>
    </message>
    <message>
        <source>How long battle updates are kept for subscribers to replay, in seconds</source>
        <translation>Durée de conservation des mises à jour de partie à rejouer pour les abonnés, en secondes</translation>
    </message>
    <message>
        <source>How long an engine may take to start, in seconds</source>
        <translation>Temps accordé à un moteur pour démarrer, en secondes</translation>
    </message>
    <message>
        <source>After a stop request, how long an engine may take to quit before it is terminated, in seconds</source>
        <translation>Après une demande d’arrêt, temps accordé à un moteur pour quitter avant d’être terminé, en secondes</translation>
    </message>
    <message>
        <source>Log lines as plain text or as JSON lines</source>
        <translation>Lignes du journal en texte brut ou en lignes JSON</translation>
    </message>
    <message>
        <source>Directory of the update journal, which lets the server replay updates across a restart and reports battles cut off by a crash; empty: no journal</source>
        <translation>Répertoire du journal des mises à jour, qui permet au serveur de les rejouer après un redémarrage et signale les parties interrompues par un plantage ; vide : pas de journal</translation>
    </message>
    <message>
        <source>Most disk space the update journal takes, in MiB; the oldest updates go first</source>
        <translation>Espace disque maximal du journal des mises à jour, en Mio ; les plus anciennes partent en premier</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Moteurs</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Address and port of the admin endpoint (metrics, state, remote control), e.g. 127.0.0.1:8201; empty: no endpoint</source>
        <translation>Adresse et port du point d’accès d’administration (métriques, état, contrôle à distance), p. ex. 127.0.0.1:8201 ; vide : aucun point d’accès</translation>
    </message>
    <message>
        <source>Bearer token of the admin endpoint; unset: the one in the data directory&apos;s admin-token file, made on first run; empty: no authentication (loopback only)</source>
        <translation>Jeton Bearer du point d’accès d’administration ; non défini : celui du fichier admin-token du répertoire de données, créé au premier lancement ; vide : aucune authentification (boucle locale uniquement)</translation>
    </message>
    <message>
        <source>Serve the Prometheus metrics without the token</source>
        <translation>Servir les métriques Prometheus sans le jeton</translation>
    </message>
    <message>
        <source>PEM certificate file for HTTPS on the admin endpoint; needs the key too</source>
        <translation>Fichier de certificat PEM pour HTTPS sur le point d’accès d’administration ; nécessite aussi la clé</translation>
    </message>
    <message>
        <source>PEM private key file of that certificate</source>
        <translation>Fichier de clé privée PEM de ce certificat</translation>
    </message>
    <message>
        <source>Admin endpoint</source>
        <translation>Point d’accès d’administration</translation>
    </message>
    <message>
        <source>On SIGTERM, how long running battles may go on before they are stopped, in seconds; 0: stop them at once</source>
        <translation>À la réception de SIGTERM, durée pendant laquelle les parties en cours peuvent continuer avant d’être arrêtées, en secondes ; 0 : les arrêter tout de suite</translation>
    </message>
    <message>
        <source>Cores of each engine: all, spread (the least-used core each), spread:0-7, or cores such as 0-3,6</source>
        <translation>Cœurs de chaque moteur : all, spread (le cœur le moins utilisé pour chacun), spread:0-7, ou des cœurs comme 0-3,6</translation>
    </message>
    <message>
        <source>Nice level of each engine, 0 to 19; 0: the autohost&apos;s own</source>
        <translation>Niveau nice de chaque moteur, de 0 à 19 ; 0 : celui de l’autohost</translation>
    </message>
    <message>
        <source>Address space limit of each engine, in megabytes; 0: none</source>
        <translation>Limite de l’espace d’adressage de chaque moteur, en mégaoctets ; 0 : aucune</translation>
    </message>
    <message>
        <source>Updates one battle may add per second after a burst of 5000; more are dropped</source>
        <translation>Mises à jour qu’une partie peut ajouter par seconde après une rafale de 5000 ; au-delà, elles sont abandonnées</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to autohost</source>
        <translation>Se connecter à un autohost</translation>
    </message>
    <message>
        <source>Certificate to trust</source>
        <translation>Certificat de confiance</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>Certificats PEM (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Optional, e.g. Home server</source>
        <translation>Facultatif, p. ex. Serveur maison</translation>
    </message>
    <message>
        <source>Name of the autohost</source>
        <translation>Nom de l’autohost</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Host name or IP address</source>
        <translation>Nom d’hôte ou adresse IP</translation>
    </message>
    <message>
        <source>Host of the autohost</source>
        <translation>Hôte de l’autohost</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Port of the admin endpoint</source>
        <translation>Port du point d’accès d’administration</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>From the admin-token file in the autohost&apos;s data directory</source>
        <translation>Du fichier admin-token du répertoire de données de l’autohost</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Jeton d’administration</translation>
    </message>
    <message>
        <source>TLS (the autohost has adminTlsCertificate set)</source>
        <translation>TLS (adminTlsCertificate est défini sur l’autohost)</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>Utiliser TLS</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Optional: a self-signed autohost&apos;s certificate</source>
        <translation>Facultatif : certificat auto-signé de l’autohost</translation>
    </message>
    <message>
        <source>Certificate file to trust</source>
        <translation>Fichier de certificat de confiance</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Choisir le fichier de certificat</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Connect to the autohost</source>
        <translation>Se connecter à l’autohost</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <source>Local mode</source>
        <translation>Mode local</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion au compte…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Nouvel essai dans %n s</numerusform>
            <numerusform>Nouvel essai dans %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Lobby connection: %1</source>
        <translation>Connexion au lobby : %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Lobby server</source>
        <translation>Serveur de lobby</translation>
    </message>
    <message>
        <source>No Tachyon server is configured: battles are started here, from “New battle”.</source>
        <translation>Aucun serveur Tachyon n’est configuré : les parties se lancent ici, depuis « Nouvelle partie ».</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur : %1</translation>
    </message>
    <message>
        <source>users on the server</source>
        <translation>utilisateurs sur le serveur</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>battles running / maximum</source>
        <translation>parties en cours / maximum</translation>
    </message>
    <message>
        <source>Capacity used</source>
        <translation>Capacité utilisée</translation>
    </message>
    <message>
        <source>Drain: accept no new battles</source>
        <translation>Suspension : n’accepter aucune nouvelle partie</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Moteurs</translation>
    </message>
    <message>
        <source>engines available</source>
        <translation>moteurs disponibles</translation>
    </message>
    <message>
        <source>None yet: install one from the Engines page.</source>
        <translation>Aucun pour l’instant : installez-en un depuis la page « Moteurs ».</translation>
    </message>
    <message>
        <source>Running battles, last hour</source>
        <translation>Parties en cours, dernière heure</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>Running battles over the last hour</source>
        <translation>Parties en cours sur la dernière heure</translation>
    </message>
    <message>
        <source>Updates per second, last hour</source>
        <translation>Mises à jour par seconde, dernière heure</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>pic</translation>
    </message>
    <message>
        <source>Updates per second over the last hour</source>
        <translation>Mises à jour par seconde sur la dernière heure</translation>
    </message>
</context>
<context>
    <name>EnginesPage</name>
    <message>
        <source>Waiting for another install to finish</source>
        <translation>En attente de la fin d’une autre installation</translation>
    </message>
    <message>
        <source>Looking up the download</source>
        <translation>Recherche du téléchargement</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <source>Unpacking</source>
        <translation>Décompression</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installé</translation>
    </message>
    <message>
        <source>Extra directory</source>
        <translation>Répertoire supplémentaire</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Moteurs</translation>
    </message>
    <message>
        <source>Install an engine</source>
        <translation>Installer un moteur</translation>
    </message>
    <message>
        <source>Engine version, e.g. 2025.06.22</source>
        <translation>Version du moteur, p. ex. 2025.06.22</translation>
    </message>
    <message>
        <source>Engine version to install</source>
        <translation>Version du moteur à installer</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>Engines come from the BAR file server and are unpacked into %1.</source>
        <translation>Les moteurs proviennent du serveur de fichiers BAR et sont décompressés dans %1.</translation>
    </message>
    <message>
        <source> (attempt %1 of %2)</source>
        <translation> (tentative %1 sur %2)</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 sur %2 (%3 %)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retry installing %1</source>
        <translation>Réessayer d’installer %1</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Progression de %1</translation>
    </message>
    <message>
        <source>Available engines (%1)</source>
        <translation>Moteurs disponibles (%1)</translation>
    </message>
    <message>
        <source>No engine yet. Install one above, or put one into %1.</source>
        <translation>Aucun moteur pour l’instant. Installez-en un ci-dessus ou placez-en un dans %1.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>in use by %n battle(s)</source>
        <translation>
            <numerusform>utilisé par %n partie</numerusform>
            <numerusform>utilisé par %n parties</numerusform>
        </translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>inutilisé</translation>
    </message>
</context>
<context>
    <name>FeedEntry</name>
    <message>
        <source>reported the game over</source>
        <translation>a signalé la fin de la partie</translation>
    </message>
    <message>
        <source>reported the game over, winners: ally team %1</source>
        <translation>a signalé la fin de la partie, vainqueur : alliance %1</translation>
    </message>
    <message>
        <source>reported the game over, winners: ally teams %1</source>
        <translation>a signalé la fin de la partie, vainqueurs : alliances %1</translation>
    </message>
    <message>
        <source>lost connection</source>
        <translation>a perdu la connexion</translation>
    </message>
    <message>
        <source>left</source>
        <translation>a quitté la partie</translation>
    </message>
    <message>
        <source>left: kicked</source>
        <translation>a été exclu</translation>
    </message>
    <message>
        <source>left: %1</source>
        <translation>a quitté la partie : %1</translation>
    </message>
    <message>
        <source>to allies</source>
        <translation>aux alliés</translation>
    </message>
    <message>
        <source>to spectators</source>
        <translation>aux spectateurs</translation>
    </message>
    <message>
        <source>to all</source>
        <translation>à tous</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>(not base64)</source>
        <translation>(pas en base64)</translation>
    </message>
    <message>
        <source>joined as player %1</source>
        <translation>a rejoint en tant que joueur %1</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>a rejoint</translation>
    </message>
    <message>
        <source>defeated</source>
        <translation>a été vaincu</translation>
    </message>
    <message>
        <source>game started</source>
        <translation>partie commencée</translation>
    </message>
    <message>
        <source>%1 script</source>
        <translation>script %1</translation>
    </message>
    <message>
        <source>engine quit</source>
        <translation>moteur arrêté</translation>
    </message>
    <message>
        <source>engine crashed</source>
        <translation>le moteur a planté</translation>
    </message>
    <message>
        <source>engine crashed: %1</source>
        <translation>le moteur a planté : %1</translation>
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
        <translation>Arrivées et départs</translation>
    </message>
    <message>
        <source>Lua messages</source>
        <translation>Messages Lua</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher : %1</translation>
    </message>
    <message>
        <source>Search the feed…</source>
        <translation>Rechercher dans le flux…</translation>
    </message>
    <message>
        <source>Search the feed</source>
        <translation>Rechercher dans le flux</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 lignes sur %2</translation>
    </message>
    <message>
        <source>Battle feed</source>
        <translation>Flux de la partie</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Aucune ligne ne correspond au filtre.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Rien ne s’est encore passé.</translation>
    </message>
    <message>
        <source>Follow newest</source>
        <translation>Suivre les dernières</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Attached</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Jeton refusé</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation>Mode local</translation>
    </message>
    <message>
        <source>Connected to the lobby</source>
        <translation>Connecté au lobby</translation>
    </message>
    <message>
        <source>Lobby: retrying</source>
        <translation>Lobby : nouvel essai</translation>
    </message>
    <message>
        <source>Lobby: unknown</source>
        <translation>Lobby : inconnu</translation>
    </message>
    <message>
        <source>Lobby: connecting</source>
        <translation>Lobby : connexion</translation>
    </message>
    <message>
        <source>Autohosts</source>
        <translation>Autohosts</translation>
    </message>
    <message>
        <source>Connect to autohost…</source>
        <translation>Se connecter à un autohost…</translation>
    </message>
    <message>
        <source>Connect to a remote autohost</source>
        <translation>Se connecter à un autohost distant</translation>
    </message>
    <message>
        <source>Watch and steer autohosts that run elsewhere (headless on a server) through their admin endpoint. The list is kept for the next start.</source>
        <translation>Surveillez et pilotez des autohosts qui tournent ailleurs (sans interface, sur un serveur) via leur point d’accès d’administration. La liste est conservée pour le prochain lancement.</translation>
    </message>
    <message>
        <source>Autohost %1</source>
        <translation>Autohost %1</translation>
    </message>
    <message>
        <source>Runs in this app</source>
        <translation>Tourne dans cette application</translation>
    </message>
    <message>
        <source>battles running</source>
        <translation>parties en cours</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>en suspension</translation>
    </message>
    <message>
        <source>battles accepted</source>
        <translation>parties acceptées</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) crashed</source>
        <translation>
            <numerusform>%n partie plantée</numerusform>
            <numerusform>%n parties plantées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n engine install(s) failed</source>
        <translation>
            <numerusform>%n installation de moteur a échoué</numerusform>
            <numerusform>%n installations de moteur ont échoué</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Affiché</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show autohost %1</source>
        <translation>Afficher l’autohost %1</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Reconnect to autohost %1</source>
        <translation>Se reconnecter à l’autohost %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove autohost %1 from the list</source>
        <translation>Retirer l’autohost %1 de la liste</translation>
    </message>
    <message>
        <source>Remove %1 from the list? The autohost keeps running; only this app stops watching it.</source>
        <translation>Retirer %1 de la liste ? L’autohost continue de tourner ; seule cette application cesse de le surveiller.</translation>
    </message>
    <message>
        <source>Remove autohost?</source>
        <translation>Retirer l’autohost ?</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Arrêt</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Plantée</translation>
    </message>
    <message>
        <source>Failed to start</source>
        <translation>Échec du démarrage</translation>
    </message>
</context>
<context>
    <name>InstallListModel</name>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>already available</source>
        <translation>déjà disponible</translation>
    </message>
    <message>
        <source>already being installed</source>
        <translation>déjà en cours d’installation</translation>
    </message>
    <message>
        <source>not a valid engine version</source>
        <translation>pas une version de moteur valide</translation>
    </message>
</context>
<context>
    <name>JoinInfo</name>
    <message>
        <source>How players join</source>
        <translation>Comment les joueurs rejoignent</translation>
    </message>
    <message>
        <source>Address %1, port %2. Each player connects with their name and password:</source>
        <translation>Adresse %1, port %2. Chaque joueur se connecte avec son nom et son mot de passe :</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>Copier le mot de passe de %1</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Search the log…</source>
        <translation>Rechercher dans le journal…</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Rechercher dans le journal</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info et plus</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <source>Log levels to show</source>
        <translation>Niveaux de journal affichés</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Lignes du journal</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Autohost — local mode</source>
        <translation>Autohost — mode local</translation>
    </message>
    <message>
        <source>Autohost — %1</source>
        <translation>Autohost — %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Battles</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>New battle</source>
        <translation>Nouvelle partie</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Moteurs</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Quit the autohost?</source>
        <translation>Quitter l’autohost ?</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) are running. Quitting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>%n partie est en cours. Quitter l’arrête : le moteur reçoit l’ordre de quitter et les joueurs sont déconnectés.</numerusform>
            <numerusform>%n parties sont en cours. Quitter les arrête : chaque moteur reçoit l’ordre de quitter et les joueurs sont déconnectés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop battles and quit</source>
        <translation>Arrêter les parties et quitter</translation>
    </message>
    <message>
        <source>Autohost</source>
        <translation>Autohost</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher : %1</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Stopping battles…</source>
        <translation>Arrêt des parties…</translation>
    </message>
    <message>
        <source>Battles: %1 / %2</source>
        <translation>Parties : %1 / %2</translation>
    </message>
    <message>
        <source>Autohosts</source>
        <translation>Autohosts</translation>
    </message>
    <message>
        <source>Autohost shown</source>
        <translation>Autohost affiché</translation>
    </message>
    <message>
        <source>The autohost every view shows</source>
        <translation>L’autohost que montrent toutes les vues</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>%1 refused the token: %2</source>
        <translation>%1 a refusé le jeton : %2</translation>
    </message>
    <message>
        <source>No link to %1: %2. Showing its last known state; trying again.</source>
        <translation>Aucune connexion à %1 : %2. Affichage de son dernier état connu ; nouvel essai en cours.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Reconnect to %1</source>
        <translation>Se reconnecter à %1</translation>
    </message>
</context>
<context>
    <name>NewBattlePage</name>
    <message>
        <source>New battle</source>
        <translation>Nouvelle partie</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation>Version du moteur</translation>
    </message>
    <message>
        <source>No engine available: install one on the Engines page</source>
        <translation>Aucun moteur disponible : installez-en un depuis la page « Moteurs »</translation>
    </message>
    <message>
        <source>Game name</source>
        <translation>Nom du jeu</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Map name</source>
        <translation>Nom de la carte</translation>
    </message>
    <message>
        <source>Start positions</source>
        <translation>Positions de départ</translation>
    </message>
    <message>
        <source>Fixed (from the map)</source>
        <translation>Fixes (selon la carte)</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Aléatoires</translation>
    </message>
    <message>
        <source>Chosen in game</source>
        <translation>Choisies en jeu</translation>
    </message>
    <message>
        <source>Chosen before the game</source>
        <translation>Choisies avant la partie</translation>
    </message>
    <message>
        <source>Start position type</source>
        <translation>Type de positions de départ</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>One line per ally team; separate player names with commas. Every player gets a team of their own.</source>
        <translation>Une ligne par alliance ; séparez les noms des joueurs par des virgules. Chaque joueur a sa propre équipe.</translation>
    </message>
    <message>
        <source>Ally team %1</source>
        <translation>Alliance %1</translation>
    </message>
    <message>
        <source>Player names, e.g. Alice, Bob</source>
        <translation>Noms des joueurs, p. ex. Alice, Bob</translation>
    </message>
    <message>
        <source>Players of ally team %1</source>
        <translation>Joueurs de l’alliance %1</translation>
    </message>
    <message>
        <source>Remove ally team %1</source>
        <translation>Supprimer l’alliance %1</translation>
    </message>
    <message>
        <source>Add ally team</source>
        <translation>Ajouter une alliance</translation>
    </message>
    <message>
        <source>Spectators</source>
        <translation>Spectateurs</translation>
    </message>
    <message>
        <source>Optional: names, separated by commas</source>
        <translation>Facultatif : noms séparés par des virgules</translation>
    </message>
    <message>
        <source>Start battle</source>
        <translation>Lancer la partie</translation>
    </message>
    <message>
        <source>Battle started</source>
        <translation>Partie lancée</translation>
    </message>
    <message>
        <source>Players join at %1, port %2, with these names and passwords:</source>
        <translation>Les joueurs rejoignent %1, port %2, avec ces noms et mots de passe :</translation>
    </message>
    <message>
        <source>spectator</source>
        <translation>spectateur</translation>
    </message>
    <message>
        <source>ally team %1</source>
        <translation>alliance %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>Copier le mot de passe de %1</translation>
    </message>
    <message>
        <source>Open the battle</source>
        <translation>Ouvrir la partie</translation>
    </message>
    <message>
        <source>The battle did not start: %1</source>
        <translation>La partie n’a pas démarré : %1</translation>
    </message>
</context>
<context>
    <name>PlayerList</name>
    <message>
        <source>Not connected yet</source>
        <translation>Pas encore connecté</translation>
    </message>
    <message>
        <source>In game</source>
        <translation>En jeu</translation>
    </message>
    <message>
        <source>Defeated</source>
        <translation>Vaincu</translation>
    </message>
    <message>
        <source>Kicked</source>
        <translation>Exclu</translation>
    </message>
    <message>
        <source>Lost connection</source>
        <translation>Connexion perdue</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Parti</translation>
    </message>
    <message>
        <source>Players and spectators</source>
        <translation>Joueurs et spectateurs</translation>
    </message>
    <message>
        <source>Spectators</source>
        <translation>Spectateurs</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Joueurs</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>spectator</source>
        <translation>spectateur</translation>
    </message>
    <message>
        <source>ally team %1, team %2</source>
        <translation>alliance %1, équipe %2</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>muet</translation>
    </message>
    <message>
        <source>chat muted</source>
        <translation>chat coupé</translation>
    </message>
    <message>
        <source>drawing muted</source>
        <translation>dessin coupé</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Actions pour %1</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>Exclure…</translation>
    </message>
    <message>
        <source>Make spectator…</source>
        <translation>Rendre spectateur…</translation>
    </message>
    <message>
        <source>Mute chat</source>
        <translation>Couper le chat</translation>
    </message>
    <message>
        <source>Mute drawing</source>
        <translation>Couper le dessin</translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>pas de réponse en %n seconde</numerusform>
            <numerusform>pas de réponse en %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>The link to the autohost was closed.</source>
        <translation>La connexion à l’autohost a été fermée.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>The link to the autohost was lost.</source>
        <translation>La connexion à l’autohost a été perdue.</translation>
    </message>
    <message>
        <source>%1 refused the token.</source>
        <translation>%1 a refusé le jeton.</translation>
    </message>
    <message>
        <source>%1 refuses this computer for a while after too many wrong tokens.</source>
        <translation>%1 refuse cet ordinateur pendant un moment après trop de jetons erronés.</translation>
    </message>
    <message>
        <source>%1 is no autohost admin endpoint (it answered HTTP %2).</source>
        <translation>%1 n’est pas le point d’accès d’administration d’un autohost (réponse HTTP %2).</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>Le certificat de %1 n’est pas approuvé : %2</translation>
    </message>
    <message>
        <source>closed by the autohost</source>
        <translation>fermée par l’autohost</translation>
    </message>
    <message>
        <source>The link to %1 was lost: %2</source>
        <translation>La connexion à %1 a été perdue : %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>Impossible de joindre %1 : %2</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>la connexion a été fermée</translation>
    </message>
    <message>
        <source>Not attached to the autohost.</source>
        <translation>Pas connecté à l’autohost.</translation>
    </message>
</context>
<context>
    <name>SavedAutohosts</name>
    <message>
        <source>Name the machine the autohost runs on: a host name or an IP address.</source>
        <translation>Indiquez la machine sur laquelle tourne l’autohost : un nom d’hôte ou une adresse IP.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IP address.</source>
        <translation>« %1 » n’est ni un nom d’hôte ni une adresse IP.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Le port doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The token has no spaces or control characters.</source>
        <translation>Le jeton ne doit contenir ni espaces ni caractères de contrôle.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>A certificate is only used with TLS.</source>
        <translation>Un certificat ne sert qu’avec TLS.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Autohost configuration</source>
        <translation>Configuration de l’autohost</translation>
    </message>
    <message>
        <source>Saved to %1. Headless mode reads the same file; changes apply when the autohost starts again.</source>
        <translation>Enregistrée dans %1. Le mode sans interface lit le même fichier ; les modifications s’appliquent au prochain démarrage de l’autohost.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Saved. Restart the autohost to use the new configuration.</source>
        <translation>Enregistré. Redémarrez l’autohost pour utiliser la nouvelle configuration.</translation>
    </message>
    <message>
        <source>Restart the autohost?</source>
        <translation>Redémarrer l’autohost ?</translation>
    </message>
    <message numerus="yes">
        <source>%n battle(s) are running. Restarting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>%n partie est en cours. Redémarrer l’arrête : le moteur reçoit l’ordre de quitter et les joueurs sont déconnectés.</numerusform>
            <numerusform>%n parties sont en cours. Redémarrer les arrête : chaque moteur reçoit l’ordre de quitter et les joueurs sont déconnectés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop battles and restart</source>
        <translation>Arrêter les parties et redémarrer</translation>
    </message>
    <message numerus="yes">
        <source>Restart (stops %n battle(s))</source>
        <translation>
            <numerusform>Redémarrer (arrête %n partie)</numerusform>
            <numerusform>Redémarrer (arrête %n parties)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Redémarrer maintenant</translation>
    </message>
</context>
<context>
    <name>SortHeader</name>
    <message>
        <source>, sorted ascending</source>
        <translation>, tri croissant</translation>
    </message>
    <message>
        <source>, sorted descending</source>
        <translation>, tri décroissant</translation>
    </message>
</context>
</TS>
