"""Doordecentralisatie figures: the ingroeipad against own costs, the cohorts per month."""
from __future__ import annotations

import pandas as pd

from dashboard.figures.basis import euro_as, figuur, leeg
from dashboard.figures.licht import Figuur
from kern import formats
from kern.kleuren import KLEUR

KLEUR_COHORT = {"overgangscliënt": "#0072B2", "nieuwe cliënt": "#E69F00"}
COHORTEN = ["overgangscliënt", "nieuwe cliënt"]
KLEUR_BUDGET = {"historisch": "#999999", "objectief": "#009E73"}


def ingroeipad(jaren: list[dict], hoogte: int = 360) -> Figuur:
    """Per year the historical part (shrinking) and the objective part (growing) stacked, and the
    own costs beside them, realised solid and forecast hatched. One dict per year: jaar,
    historisch_eur, objectief_eur, kosten_gerealiseerd_eur, kosten_prognose_eur (null after the
    peildatum's year)."""
    if not jaren:
        return leeg(hoogte=hoogte)
    x = [str(r["jaar"]) for r in jaren]
    fig = figuur(hoogte, barmode="relative")
    for kolom, label, kleur, groep, patroon in (
            ("historisch_eur", "Budget historisch deel", KLEUR_BUDGET["historisch"], "budget", ""),
            ("objectief_eur", "Budget objectief deel", KLEUR_BUDGET["objectief"], "budget", ""),
            ("kosten_gerealiseerd_eur", "Eigen kosten gerealiseerd", KLEUR["gerealiseerd"], "kosten", ""),
            ("kosten_prognose_eur", "Eigen kosten prognose", KLEUR["prognose"], "kosten", "/")):
        waarden = [None if pd.isna(r[kolom]) else float(r[kolom]) for r in jaren]
        fig.add_bar(x=x, y=waarden, name=label, marker_color=kleur, offsetgroup=groep,
                    marker_pattern_shape=patroon,
                    customdata=["–" if v is None else formats.eur(v) for v in waarden],
                    hovertemplate="%{x}<br>" + label + ": <b>%{customdata}</b><extra></extra>")
    fig.update_layout(barmode="stack", showlegend=True)
    fig.update_xaxes(type="category")
    return euro_as(fig)


def cohorten_per_maand(df: pd.DataFrame, labels: list[str], hoogte: int = 320) -> Figuur:
    """Stacked stand per period and cohort; df: one column per cohort (published counts, None =
    '< 5', left out), in the order of `labels` (the period labels)."""
    if df.empty:
        return leeg(hoogte=hoogte)
    fig = figuur(hoogte, barmode="stack", yaxis_title="Cliënten")
    for cohort in COHORTEN:
        waarden = df[cohort].tolist() if cohort in df.columns else [None] * len(labels)
        fig.add_bar(x=labels, y=waarden, name=cohort.capitalize() + "en", marker_color=KLEUR_COHORT[cohort],
                    customdata=["< 5" if v is None else formats.getal(v) for v in waarden],
                    hovertemplate="%{x}<br>" + cohort + ": <b>%{customdata}</b><extra></extra>")
    fig.update_layout(showlegend=True)
    fig.update_xaxes(type="category")
    return fig
