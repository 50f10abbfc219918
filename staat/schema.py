"""The state store's schema as numbered migrations.

PRAGMA user_version holds how many have been applied. To extend the store (for example the
fixed result versions of issue 5) append a new tuple of statements at the end; never edit or
reorder one that has shipped, since existing state files have already run it.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[str, ...]] = [
    # 1: users, audit log, login attempts, server-side sessions, generated settings.
    (
        """create table gebruikers (
            gebruikersnaam text primary key,
            wachtwoord_hash text not null,
            rollen text not null default '[]',          -- JSON list of role names
            gemeenten text not null default '[]',       -- JSON list of GM#### codes
            aangemaakt text not null,                   -- ISO UTC
            uitgeschakeld integer not null default 0,
            sessies_geldig_vanaf real not null default 0 -- epoch; older sessions are void
        )""",
        """create table audit (
            id integer primary key autoincrement,
            wanneer text not null,                      -- ISO UTC
            wie text not null,
            actie text not null,
            wat text not null default '{}',             -- JSON object
            ip text
        )""",
        "create index audit_wanneer on audit (wanneer)",
        "create index audit_wie on audit (wie)",
        """create table inlogpogingen (
            id integer primary key autoincrement,
            wanneer real not null,                      -- epoch seconds
            gebruikersnaam text not null,
            ip text,
            gelukt integer not null
        )""",
        "create index inlogpogingen_gebruiker on inlogpogingen (gebruikersnaam, wanneer)",
        "create index inlogpogingen_ip on inlogpogingen (ip, wanneer)",
        """create table sessies (
            token_hash text primary key,                -- sha256 of the cookie's token
            gebruikersnaam text not null,
            aangemaakt real not null,
            laatst_gezien real not null,
            ip text
        )""",
        "create index sessies_gebruiker on sessies (gebruikersnaam)",
        """create table instellingen (
            sleutel text primary key,
            waarde text not null
        )""",
    ),
    # 2: fixed result versions (issue 5). A record is never changed except to point at the
    # record that corrected it; the figures are stored as text so cents stay exact.
    (
        """create table resultaat_versies (
            id integer primary key autoincrement,
            jaar integer not null,
            versie text not null check (versie in ('voorlopig', 'definitief')),
            vastgesteld_op text not null,               -- ISO UTC
            door text not null,
            peildatum text not null,                    -- ISO date of the warehouse it came from
            warehouse_versie text not null,
            bestanden text not null,                    -- JSON: the files and sha256 it was computed from
            resultaat text not null,                    -- JSON: the resultaat_jaar row
            verdeling text not null,                    -- JSON: the resultaat_verdeling rows (key inputs incl.)
            vervangt integer references resultaat_versies (id),
            vervangen_door integer references resultaat_versies (id),
            reden text
        )""",
        "create index resultaat_versies_jaar on resultaat_versies (jaar, versie)",
    ),
]
