-- Synced LuaRules of MiniGame, steered by the start script's modoptions:
--   gameoverframe (300), winner (0), nowinner (0), killteam (unset), killteamframe (150).
local options = Spring.GetModOptions() or {}

local function option(key, default)
    local value = tonumber(options[key])
    if value == nil then
        return default
    end
    return value
end

local gameOverFrame = option("gameoverframe", 300)
local winner = option("winner", 0)
local noWinner = option("nowinner", 0) ~= 0
local killTeam = tonumber(options.killteam)
local killTeamFrame = option("killteamframe", 150)
local gameOver = false

function GameFrame(frame)
    if killTeam ~= nil and frame == killTeamFrame then
        Spring.Echo("minigame: killing team " .. killTeam)
        Spring.KillTeam(killTeam)
    end
    if not gameOver and frame >= gameOverFrame then
        gameOver = true
        if noWinner then
            Spring.Echo("minigame: game over without a winner")
            Spring.GameOver({})
        else
            Spring.Echo("minigame: game over, winner " .. winner)
            Spring.GameOver({ winner })
        end
    end
end

-- The text of "/luarules <text>", also when the autohost sends it (playerID 255).
function GotChatMsg(msg, playerID)
    Spring.Echo("minigame: luarules " .. msg .. " from " .. playerID)
    SendToUnsynced("minigame_chat", msg, playerID)
    return true
end

function RecvLuaMsg(msg, playerID)
    return true
end
