"""Built front-end files Dash serves as a component suite (`/_dash-component-suites/dashboard.vendor/`).

`plotly-bwmo.min.js` is built by `make plotly` from plotly-bundel/ (not in git). Dash puts this version
and the file's modification time in the URL, so a rebuilt bundle gets a new URL."""
# the plotly.js version in plotly-bundel/package-lock.json; it must equal plotly.py's bundled version
# (tests/dashboard/test_levering.py), the one Dash's dcc.Graph is made for
__version__ = "4.1.1"
