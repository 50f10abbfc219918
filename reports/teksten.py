"""The fixed Dutch texts of a report: reading guide and definitions (from docs: domain.md), and
the one explanation of how counts are published, worded from the configured Afscherming
(kern/afscherming.py): drempel and rounding base are never written here by hand."""
from __future__ import annotations

from kern import formats
from kern.afscherming import Afscherming


def kerncijfers_noot(a: Afscherming) -> str:
    """The Kerncijfers table's note on its balance (begin + instroom - uitstroom = eind)."""
    if a.basis <= 1:
        return ""
    return ("Door de afronding is begin + instroom - uitstroom niet altijd gelijk aan het aantal aan het eind.")


def leeswijzer(scope_kind: str, naam: str, periode_label: str, vorige_label: str, a: Afscherming,
               verdeeljaar: int | None) -> list[str]:
    wie = (f"de regio {naam} als geheel (alle gemeenten samen, met een overzicht per gemeente)"
           if scope_kind == "regio" else
           f"de gemeente {naam}: de cliënten met {naam} als gemeente van herkomst, vergeleken met de regio")
    delen = [
        (f"Deze rapportage verantwoordt de uitvoering van beschermd wonen door de centrumgemeente "
        f"(convenant artikel 9). Zij gaat over {wie}, in de periode {periode_label}, en zet elk cijfer "
        f"naast dezelfde periode een jaar eerder ({vorige_label})."),
        ("Hoofdstuk 1 geeft de kerncijfers. Daarna volgen de cliënten in zorg (de stand), de instroom en "
        "uitstroom met de redenen van beëindiging, de overgang naar de Wet langdurige zorg (Wlz), de "
        "verdeling over zorg in natura (ZIN) en persoonsgebonden budget (PGB) in cliënten en kosten, en "
        "het financiële resultaat met de verdeling over de gemeenten volgens de 50/50-sleutel. Hoofdstuk 7 "
        "gaat over de maatschappelijke opvang, hoofdstuk 8 over de doordecentralisatie (budget volgens het "
        "ingroeipad, overgangscliënten en nieuwe cliënten)."),
        a.uitleg(),
        ("Kosten zijn gerealiseerde kosten: ZIN naar de maand van levering (toegekende declaraties), PGB "
        "naar de maand van besteding (SVB). Aanbieders declareren weken na de zorg, dus de laatste maanden "
        "zijn nog niet compleet. Het resultaat van het lopende jaar bevat daarom een prognose tot 31 "
        "december; gerealiseerd en prognose staan apart."),
    ]
    if verdeeljaar is not None:
        delen.append(
            f"De verdeling van het resultaat betreft {verdeeljaar}. Een voorlopig of definitief resultaat "
            "is een vastgelegde versie: latere leveringen veranderen die cijfers niet. Staan beide versies "
            "vast, dan toont de rapportage ze naast elkaar met het verschil per gemeente: wat elke gemeente "
            "bij de definitieve afrekening ontvangt (positief) of betaalt (negatief).")
    delen.append("De definities van alle begrippen staan in de bijlage.")
    return delen


def definities(a: Afscherming, wlz_reden_codes: str, wlz_besluiten, wlz_sinds) -> list[tuple[str, str]]:
    """The definitions appendix; the entries on counts follow the configured Afscherming, the Wlz
    reason codes, decisions and opening date the seeds the marts count by (`kern.data.wlz_reden_codes()`,
    `kern.data.wlz_besluiten()`, `kern.data.wlz_sinds()`)."""
    besluiten = ", ".join(label.lower() for _kolom, label, _rapport in wlz_besluiten)
    uit = []
    for term, uitleg in _DEFINITIES:
        uitleg = (uitleg.replace("{wlz_reden_codes}", wlz_reden_codes).replace("{wlz_besluiten}", besluiten)
                  .replace("{wlz_sinds}", formats.datum(wlz_sinds)))
        if term == "Stand (cliënten in zorg)" and a.basis > 1:
            uitleg += (" In de tabellen is elk aantal apart afgerond, dus de afgeronde delen tellen niet altijd "
                       "op tot het afgeronde totaal.")
        uit.append((term, uitleg))
    return uit + [("Kleine aantallen en afronding", a.uitleg())]


_DEFINITIES: list[tuple[str, str]] = [
    ("Actieve indicatie", ("Een toewijzing is actief op dag d als ingangsdatum <= d <= einddatum "
     "(einddatum inbegrepen; zonder einddatum loopt zij door).")),
    ("Stand (cliënten in zorg)", ("Het aantal verschillende cliënten met een actieve indicatie beschermd "
     "wonen op de peildag; per maand de laatste dag van de maand, in de laatste maand de peildatum van de "
     "gegevens. Heeft een cliënt meerdere actieve indicaties, dan telt één primaire indicatie: de zwaarste "
     "tussenvorm, dan de laatste ingangsdatum, dan het hoogste toewijzingnummer. Daardoor tellen de "
     "uitsplitsingen naar tussenvorm en leveringsvorm op tot het totaal.")),
    ("Tussenvorm", ("De trede van intensiteit van het product, zwaarste eerst: beschermd wonen intramuraal, "
     "beschermd wonen nabij, begeleid wonen, Thuis Plus (Thuiswonen+). 'Onbekend' is een product van "
     "categorie 15 dat niet in de productcatalogus van de regio staat.")),
    ("Episode", ("De indicaties beschermd wonen van een cliënt, samengevoegd zolang de volgende begint "
     "uiterlijk de dag na het einde van de vorige. Een wisseling van product binnen een episode is "
     "doorstroom, geen in- of uitstroom.")),
    ("Instroom", "Episodes die in de periode beginnen."),
    ("Nieuwe cliënt", ("Een instroom van een cliënt die in de 365 dagen vóór het begin van de episode geen "
     "actieve indicatie beschermd wonen had (VNG-definitie).")),
    ("Uitstroom", ("Een episode waarvan de laatste zorgdag vóór de peildatum ligt. Zij telt in de maand van "
     "de uitstroomdatum, de eerste dag zonder zorg (einddatum + 1 dag). De reden is de reden beëindiging "
     "(WMO588) van de indicatie die de episode afsluit.")),
    ("Uitstroom naar de Wlz", ("Uitstroom met reden {wlz_reden_codes} (uitstroom naar ander domein, bijvoorbeeld Wlz of "
     "Zvw). Sinds {wlz_sinds} staat de Wlz open voor mensen met psychische problematiek.")),
    ("Wlz-aanvraag", ("Een aanvraag voor de Wet langdurige zorg, geteld in de maand van aanvraag, met het "
     "besluit zoals dat op de peildatum bekend is ({wlz_besluiten}).")),
    ("Gemeente", ("De gemeente van herkomst van de cliënt (woonplaatsbeginsel), per indicatie; niet de "
     "gemeente waar de aanbieder zit.")),
    ("Per 1.000 inwoners", ("Het getoonde aantal (zie 'Kleine aantallen en afronding') gedeeld door de "
     "CBS-bevolking van die gemeente (of de regio) op 1 januari van het jaar, maal 1.000.")),
    ("Leveringsvorm", ("Zorg in natura (ZIN): een gecontracteerde aanbieder, betaald via iWmo-declaraties. "
     "Persoonsgebonden budget (PGB): betaald door de SVB via trekkingsrecht.")),
    ("Kosten", ("ZIN: toegekende declaratiebedragen naar maand van levering; een regel over meerdere "
     "maanden wordt naar rato van de dagen verdeeld, creditregels zijn negatief. PGB: bestede bedragen per "
     "maand volgens het SVB-overzicht.")),
    ("Resultaat beschermd wonen", ("Baten (integratie-uitkering beschermd wonen) min cliëntgebonden kosten "
     "(ZIN en PGB) min niet-cliëntgebonden kosten (uitvoeringskosten inclusief overhead).")),
    ("Lopend resultaat", ("Voor het jaar van de peildatum: gerealiseerd tot nu plus een prognose tot 31 "
     "december. ZIN: nog niet gedeclareerde zorgdagen tegen het dagtarief; PGB: het gemiddelde van de "
     "laatste drie maanden voor elke resterende maand.")),
    ("Verdeelsleutel (50/50)", ("Convenant artikel 8.5: een overschot of tekort wordt verdeeld over alle "
     "gemeenten van de regio naar twee gelijke helften: (a) het aandeel in de bevolking op 31 december van "
     "dat jaar (CBS, de bevolking op 1 januari van het jaar erna) en (b) het aandeel in de "
     "uitvoeringskosten (cliëntgebonden kosten naar gemeente van herkomst). Sleutel = 0,5 x aandeel "
     "inwoners + 0,5 x aandeel kosten. De aandelen tellen op tot het resultaat tot op de cent; een "
     "afrondingscent staat bij het grootste aandeel.")),
    ("Voorlopig en definitief resultaat", ("Convenant artikel 8.6: in februari hoort elke gemeente haar "
     "aandeel in het voorlopige resultaat; zodra de gegevens definitief en gecontroleerd zijn het "
     "definitieve aandeel, afgerekend vóór eind juni. Een vastgestelde versie is een blijvend record; een "
     "correctie is een nieuw record dat het oude bewaart.")),
]
