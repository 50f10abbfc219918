"""Entry point: `gunicorn app:server --config gunicorn.conf.py` (or `python app.py` to develop)."""
from dashboard.app import create_app, warm_up

app = create_app()
server = app.server

if __name__ == "__main__":
    warm_up(server)
    app.run(debug=False, host="127.0.0.1", port=8050)
