-- MiniGame: a Lua-only test game without units (tests/helpers/testcontent.cpp).
return {
    name = "MiniGame",
    shortname = "MG",
    game = "MiniGame",
    shortgame = "MG",
    version = "1.0",
    mutator = "",
    description = "A Lua-only test game of the autohost's tests",
    modtype = 1,
    -- Without the cursors the headless client aborts ("Unable to load default cursor").
    depend = { "Spring Cursors" },
}
