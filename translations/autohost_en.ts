<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConnectionBadge</name>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Retrying in %n s</numerusform>
            <numerusform>Retrying in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnginesPage</name>
    <message numerus="yes">
        <source>in use by %n battle(s)</source>
        <translation>
            <numerusform>in use by %n battle</numerusform>
            <numerusform>in use by %n battles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message numerus="yes">
        <source>%n battle(s) crashed</source>
        <translation>
            <numerusform>%n battle crashed</numerusform>
            <numerusform>%n battles crashed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n engine install(s) failed</source>
        <translation>
            <numerusform>%n engine install failed</numerusform>
            <numerusform>%n engine installs failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message numerus="yes">
        <source>%n battle(s) are running. Quitting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>%n battle is running. Quitting stops it: the engine is told to quit and players are disconnected.</numerusform>
            <numerusform>%n battles are running. Quitting stops them: every engine is told to quit and players are disconnected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>no answer within %n second</numerusform>
            <numerusform>no answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>%n battle(s) are running. Restarting stops them: every engine is told to quit and players are disconnected.</source>
        <translation>
            <numerusform>%n battle is running. Restarting stops it: the engine is told to quit and players are disconnected.</numerusform>
            <numerusform>%n battles are running. Restarting stops them: every engine is told to quit and players are disconnected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restart (stops %n battle(s))</source>
        <translation>
            <numerusform>Restart (stops %n battle)</numerusform>
            <numerusform>Restart (stops %n battles)</numerusform>
        </translation>
    </message>
</context>
</TS>
