"""One module per page; imported by dashboard.app.create_app() after the Dash app exists."""
PAGINAS = ["overzicht", "clienten", "stromen", "wlz", "financien", "verantwoording", "gemeente", "datakwaliteit", "auditlog", "toegankelijkheid", "not_found_404"]
