"""An accessible HTML table for a DataFrame with Dutch headers, formatted for reading."""
from __future__ import annotations

import numpy as np
import pandas as pd
from dash import html

from kern import formats

OPMAAK = {
    "getal": formats.getal,
    "getal1": lambda x: formats.getal(x, 1),
    "getal2": lambda x: formats.getal(x, 2),
    "getal4": lambda x: formats.getal(x, 4),
    "eur": formats.eur,
    "eur2": lambda x: formats.eur(x, 2),
    "pct": formats.pct,
    "pct2": lambda x: formats.pct(x, 2),
    "maand": formats.maand,
    "datum": formats.datum_kort,
    "datumtijd": formats.datumtijd,
    "janee": lambda x: "ja" if bool(x) else "nee",
    "tekst": lambda x: formats.LEEG if formats.ontbreekt(x) else str(x),
}
_HERHAALBAAR = frozenset({int, float, str, bool, np.int64, np.int32, np.float64, np.bool_})
RECHTS = {"getal", "getal1", "getal2", "getal4", "eur", "eur2", "pct", "pct2"}


def celtekst(waarde, soort: str) -> str:
    if isinstance(waarde, str) and soort in RECHTS:  # '< 5' or '–' from the small-numbers rule
        return waarde
    return OPMAAK.get(soort, OPMAAK["tekst"])(waarde)


def _element(soort: str, children, **props) -> dict:
    """What html.<soort>(children, **props).to_plotly_json() gives, without building a Dash
    component: a table has a cell per value (hundreds per page), and the component classes cost
    ~30 µs each to make and serialise. The browser receives the same JSON."""
    return {"props": {"children": children, **props}, "type": soort, "namespace": "dash_html_components"}


def tabel(df: pd.DataFrame, opmaak: dict[str, str] | None = None, bijschrift: str | None = None,
          max_rijen: int = 500, vet_laatste: bool = False) -> html.Table | html.P:
    if df.empty:
        return html.P("Geen gegevens voor deze selectie.", className="leeg")
    opmaak = opmaak or {}
    soorten = [opmaak.get(k, "tekst") for k in df.columns]
    klassen = ["r" if opmaak.get(k) in RECHTS else None for k in df.columns]
    functies = [OPMAAK.get(s, OPMAAK["tekst"]) for s in soorten]
    rechts = [s in RECHTS for s in soorten]
    kop = html.Thead(_element("Tr", [_element("Th", k, scope="col", className=c)
                                     for k, c in zip(df.columns, klassen)]))
    # A column repeats few values (a matrix of 342 x 344 municipalities is mostly 0): each value's
    # cell is formatted and built once per column and the row refers to it again. Only for the
    # types whose equal values print the same (Decimal('1.0') == Decimal('1.00') do not).
    gezien: list[dict] = [{} for _ in soorten]
    rijen = []
    for i, rij in enumerate(df.head(max_rijen).itertuples(index=False, name=None)):
        cellen = []
        for v, f, r, c, cache in zip(rij, functies, rechts, klassen, gezien):
            sleutel = (type(v), v) if type(v) in _HERHAALBAAR else None
            cel = cache.get(sleutel) if sleutel is not None else None
            if cel is None:
                cel = _element("Td", v if (r and isinstance(v, str)) else f(v), className=c)  # = celtekst(v, soort)
                if sleutel is not None:
                    cache[sleutel] = cel
            cellen.append(cel)
        rijen.append(_element("Tr", cellen, className="totaal" if vet_laatste and i == len(df) - 1 else None))
    delen = [html.Caption(bijschrift)] if bijschrift else []
    return html.Table(delen + [kop, html.Tbody(rijen)], className="datatabel")
