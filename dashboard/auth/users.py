"""User management from the command line.

    python -m dashboard.auth.users add NAAM --role gemeente --gemeente GM0106 [--password-stdin]
    python -m dashboard.auth.users list | remove NAAM | reset-password NAAM | set-roles NAAM --role ...
    python -m dashboard.auth.users disable NAAM | enable NAAM | demo

Passwords are asked with getpass (or read from stdin with --password-stdin), never taken
from the command line by default: arguments end up in shell history and in `ps` output.
"""
from __future__ import annotations

import argparse
import getpass
import sys

from kern.rollen import ROLES, normalize_username, validate_roles
from staat.store import StateStore

from .demo import actor as _actor
from .demo import create_demo_users
from .passwords import hash_password

MIN_PASSWORD_LENGTH = 12


def _read_password(args, *, confirm: bool = True) -> str:
    if getattr(args, "password", None):
        print("Waarschuwing: een wachtwoord als argument komt in de shellgeschiedenis en in `ps`."
              " Gebruik liever --password-stdin.", file=sys.stderr)
        password = args.password
    elif args.password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Wachtwoord: ")
        if confirm and getpass.getpass("Nog een keer: ") != password:
            raise ValueError("De wachtwoorden zijn niet gelijk.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Het wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens hebben.")
    return password


def _region_codes() -> frozenset[str]:
    from etl.region import load_region

    return load_region().codes


def _roles(args) -> tuple[frozenset, frozenset]:
    roles, codes = validate_roles(args.role or [], args.gemeente or [])
    outside = sorted(codes - _region_codes())
    if outside:
        raise ValueError(f"Gemeentecode(s) niet in de regio: {', '.join(outside)}.")
    return roles, codes


def _cmd_add(store: StateStore, args) -> str:
    name = normalize_username(args.name)
    roles, codes = _roles(args)
    if store.get_user(name) is not None:
        raise ValueError(f"Gebruiker '{name}' bestaat al.")
    store.add_user(name, hash_password(_read_password(args)), roles, codes)
    store.audit(_actor(), "gebruiker_toegevoegd", {"gebruiker": name, "rollen": sorted(roles), "gemeenten": sorted(codes)})
    return f"Gebruiker '{name}' toegevoegd."


def _cmd_remove(store: StateStore, args) -> str:
    name = normalize_username(args.name)
    store.remove_user(name)
    store.audit(_actor(), "gebruiker_verwijderd", {"gebruiker": name})
    return f"Gebruiker '{name}' verwijderd."


def _cmd_reset(store: StateStore, args) -> str:
    name = normalize_username(args.name)
    if store.get_user(name) is None:
        raise KeyError(f"Gebruiker '{name}' bestaat niet.")
    store.set_password(name, hash_password(_read_password(args)))
    store.audit(_actor(), "wachtwoord_gewijzigd", {"gebruiker": name})
    return f"Wachtwoord van '{name}' gewijzigd; open sessies zijn beëindigd."


def _cmd_set_roles(store: StateStore, args) -> str:
    name = normalize_username(args.name)
    roles, codes = _roles(args)
    store.set_roles(name, roles, codes)
    store.audit(_actor(), "rollen_gewijzigd", {"gebruiker": name, "rollen": sorted(roles), "gemeenten": sorted(codes)})
    return f"Rollen van '{name}': {', '.join(sorted(roles))}."


def _cmd_disable(store: StateStore, args, disabled: bool) -> str:
    name = normalize_username(args.name)
    store.set_disabled(name, disabled)
    store.audit(_actor(), "gebruiker_uitgeschakeld" if disabled else "gebruiker_ingeschakeld", {"gebruiker": name})
    return f"Gebruiker '{name}' {'uitgeschakeld' if disabled else 'ingeschakeld'}."


def _cmd_list(store: StateStore, args) -> str:
    lines = [f"{'gebruiker':<20} {'rollen':<24} {'gemeenten':<30} {'status':<12} aangemaakt"]
    for u in store.list_users():
        lines.append(f"{u.username:<20} {','.join(sorted(u.roles)):<24} {','.join(sorted(u.gemeenten)) or '-':<30} "
                     f"{'uitgeschakeld' if u.disabled else 'actief':<12} {u.created}")
    return "\n".join(lines)


def _cmd_demo(store: StateStore, args) -> str:
    from etl.region import load_region

    created = create_demo_users(store, load_region(args.regio))
    return ("Demo-gebruikers aangemaakt (alleen voor de voorbeelddata!): " + ", ".join(created)) if created \
        else "De demo-gebruikers bestonden al."


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard.auth.users", description="Gebruikers van de BW/MO-monitor beheren.")
    p.add_argument("--state", help="het state-bestand (standaard $BWMO_STATE of data/state.sqlite)")
    sub = p.add_subparsers(dest="command", required=True)

    def with_password(sp):
        sp.add_argument("--password-stdin", action="store_true", help="lees het wachtwoord van stdin (één regel)")
        sp.add_argument("--password", help=argparse.SUPPRESS)  # scripts only; warns

    def with_roles(sp):
        sp.add_argument("--role", action="append", choices=ROLES, required=True, help="herhaal voor meer rollen")
        sp.add_argument("--gemeente", action="append", metavar="GM####", help="herhaal voor meer gemeenten")

    add = sub.add_parser("add", help="gebruiker toevoegen")
    add.add_argument("name")
    with_roles(add)
    with_password(add)
    for command, help_ in (("remove", "gebruiker verwijderen"), ("disable", "gebruiker uitschakelen"),
                           ("enable", "gebruiker weer inschakelen")):
        sub.add_parser(command, help=help_).add_argument("name")
    reset = sub.add_parser("reset-password", help="nieuw wachtwoord zetten")
    reset.add_argument("name")
    with_password(reset)
    roles = sub.add_parser("set-roles", help="rollen en gemeenten vervangen")
    roles.add_argument("name")
    with_roles(roles)
    sub.add_parser("list", help="gebruikers tonen")
    demo = sub.add_parser("demo", help="demo-gebruikers voor de voorbeelddata aanmaken")
    demo.add_argument("--regio", help="regio uit config/regios.csv (standaard: de eerste)")
    return p


COMMANDS = {
    "add": _cmd_add, "remove": _cmd_remove, "reset-password": _cmd_reset, "set-roles": _cmd_set_roles,
    "list": _cmd_list, "demo": _cmd_demo,
    "disable": lambda s, a: _cmd_disable(s, a, True), "enable": lambda s, a: _cmd_disable(s, a, False),
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        store = StateStore(args.state)
        print(COMMANDS[args.command](store, args))
    except (ValueError, KeyError) as e:
        message = e.args[0] if e.args else str(e)
        print(f"Fout: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
