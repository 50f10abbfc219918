"""Wlz requests for the sample delivery, consistent with the BW histories of voorbeeld.zorg.

Clients whose episode ends with reden 39 after the Wlz opened got a request granted shortly before
their last day of BW; some clients in care were refused or withdrew; some requests are still
pending on the peildatum (their BW toewijzing is then extended: open einddatum).
"""
from __future__ import annotations

from .zorg import Episode, Scenario, Toewijzing

PROFIELEN = ("GGZ-W3", "GGZ-W4", "GGZ-W5", "GGZ-W6", "GGZ-W7")
PROFIEL_P = (0.22, 0.36, 0.27, 0.10, 0.05)


def _request(client, aanvraag, besluit, besluitdatum, ingang, profiel, peildatum):
    if besluitdatum is not None and besluitdatum > peildatum:
        besluit, besluitdatum, ingang, profiel = "In behandeling", None, None, ""
    return {"client": client, "aanvraag": aanvraag, "besluit": besluit, "besluitdatum": besluitdatum,
            "ingang": ingang, "profiel": profiel}


def wlz_requests(episodes: list[Episode], tws: list[Toewijzing], sc: Scenario, rng) -> list[dict]:
    peil, opened = sc.peildatum, sc.wlz_open
    out: list[dict] = []
    asked: set[int] = set()
    for ep in episodes:
        if ep.end < opened:
            continue
        if ep.reden == "39":
            aanvraag = max(opened - 61, ep.start + 10, ep.end - int(rng.integers(25, 150)))
            if aanvraag > peil:
                continue
            besluitdatum = min(ep.end, aanvraag + int(rng.integers(10, 43)))
            ingang = ep.end + 1 if rng.random() < 0.85 else ep.end + 1 - int(rng.integers(1, 15))
            profiel = PROFIELEN[int(rng.choice(len(PROFIELEN), p=PROFIEL_P))]
            out.append(_request(ep.client, aanvraag, "Toegekend", besluitdatum, ingang, profiel, peil))
            asked.add(ep.client)
            continue
        first, last = max(ep.start, opened), min(ep.end, peil) - 60
        u = rng.random()
        if ep.vorm <= 1 and last > first and u < 0.16:
            aanvraag = first + int(rng.integers(0, last - first + 1))
            besluit = "Afgewezen" if u < 0.12 else "Ingetrokken"
            out.append(_request(ep.client, aanvraag, besluit, aanvraag + int(rng.integers(12, 60)),
                                None, "", peil))
            asked.add(ep.client)
    # Pending on the peildatum, of various ages; their BW toewijzing was extended (open end).
    in_care = sorted({t.client for t in tws if t.start <= peil <= t.end and t.product["productcategorie"] == "15"
                      and t.client not in asked})
    n = max(3, round(0.035 * sc.stand_na))
    for i in sorted(int(x) for x in rng.choice(len(in_care), size=min(n, len(in_care)), replace=False)):
        client = in_care[i]
        out.append(_request(client, peil - int(rng.integers(7, 300)), "In behandeling", None, None, "", peil))
        for t in tws:
            if t.client == client and t.start <= peil <= t.end:
                t.einddatum, t.reden = None, ""
    out.sort(key=lambda r: (r["aanvraag"], r["client"]))
    return out
