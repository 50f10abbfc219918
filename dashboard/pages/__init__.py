"""One module per page; imported by dashboard.app.create_app() after the Dash app exists."""
PAGINAS = ["overzicht", "clienten", "stromen", "wlz", "opvang", "financien", "verantwoording", "doordecentralisatie",
           "gemeente", "datakwaliteit", "auditlog", "toegankelijkheid", "not_found_404"]
