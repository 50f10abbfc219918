"""The state store: SQLite at $BWMO_STATE, outside the warehouse (which every load replaces).

Users, server-side sessions, login attempts, the audit log and the fixed result versions, with
the schema as numbered migrations (`schema.py`) and the one clock its timestamps come from
(`clock.py`). It imports nothing of the project, so the load (`etl`, `warehouse`) can use it
without the web app; who may see what is `dashboard/auth/roles.py`.
"""
