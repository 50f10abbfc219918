"""The browser tests' users, created in each test server's temporary state store (BWMO_STATE)."""
GEBRUIKERS = {  # name: (password, roles, gemeenten)
    "regio": ("regio-e2e-wachtwoord", {"regio"}, set()),
    "assen": ("assen-e2e-wachtwoord", {"gemeente"}, {"GM0106"}),
}
