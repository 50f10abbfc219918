"""bench/callbacks_bench.py's Opnemer records every query the data layer runs, whichever shape it
is read in (a frame, lists per column, rows), so the bare-query floor of a page covers them all."""
import datetime as dt

import fixture_warehouse

from bench.callbacks_bench import Opnemer
from kern import data
from kern.datalaag import query

ALLE = frozenset(g[0] for g in fixture_warehouse.GEMEENTEN)
SEL = data.Selectie(van=dt.date(2023, 1, 1), tot=dt.date(2024, 6, 1))


def test_queries_read_as_frames_columns_and_rows_are_all_recorded_and_the_data_layer_restored():
    echt = (query.query, query.kolommen, query.rijen)
    data.leeg_cache()
    with Opnemer() as op:
        data.wlz_per_gemeente(ALLE, SEL)                 # a frame (query.query)
        data.overzicht_stand_kolommen(ALLE, SEL)         # lists per column (query.kolommen)
        data.datakwaliteit_sectie(True, ALLE)            # a sectioned query's rows (query.delen -> rijen)
    namen = [naam for naam, _ in op.calls]
    assert "overzicht_stand" in namen and "datakwaliteit_pagina" in namen and len(namen) >= 3
    assert (query.query, query.kolommen, query.rijen) == echt
