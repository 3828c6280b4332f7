-- Unsynced LuaRules of MiniGame. At frame 30 every client sends one message of each kind once; every
-- "/luarules <text>" comes back as "minigame:ack:<text>:<playerID>"; with the modoption clientquit the client
-- quits 2 s after game over.
local options = Spring.GetModOptions() or {}
local clientQuit = (tonumber(options.clientquit) or 0) ~= 0
local greeted = false
local gameOverTimer = nil
local quitSent = false

local function greet()
    local name = Spring.GetPlayerInfo(Spring.GetMyPlayerID())
    Spring.SendLuaRulesMsg("minigame:hello-rules")
    Spring.SendLuaUIMsg("minigame:hello-ui", "")
    Spring.SendLuaUIMsg("minigame:ui-allies", "a")
    Spring.SendLuaUIMsg("minigame:ui-spectators", "s")
    Spring.SendLuaGaiaMsg("minigame:hello-gaia")
    Spring.SendLuaRulesMsg("minigame:binary\0\255end")
    Spring.SendCommands("say hello everyone from " .. name)
    Spring.SendCommands("wbynum 255 hello host from " .. name)
end

local function tick()
    if not greeted and Spring.GetGameFrame() >= 30 then
        greeted = true
        greet()
    end
    if clientQuit and gameOverTimer ~= nil and not quitSent
        and Spring.DiffTimers(Spring.GetTimer(), gameOverTimer) > 2 then
        quitSent = true
        Spring.Echo("minigame: quitting")
        Spring.SendCommands("quitforce")
    end
end

function GameFrame(frame)
    tick()
end

function Update()
    tick()
end

function RecvFromSynced(name, msg, playerID)
    if name == "minigame_chat" then
        Spring.SendLuaRulesMsg("minigame:ack:" .. msg .. ":" .. playerID)
    end
end

function GameOver(winners)
    gameOverTimer = Spring.GetTimer()
end
