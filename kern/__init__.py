"""The shared core of the dashboard and the reports: rules that both apply and that depend on
neither (disclosure control). Nothing here imports `dashboard` or `reports`."""
