"""The population label names the CBS day the warehouse actually used, not the year asked for."""
import datetime as dt

import pandas as pd
from dashhulp import ctx_voor

from dashboard.visuals import reken
from kern import data


def test_fallback_population_is_labelled_with_the_day_counted(monkeypatch):
    # 1-1-2025 is not published: the warehouse filled 2025 with the 1-1-2024 figure
    rows = pd.DataFrame({"jaar": [2024, 2025], "gemeente_code": ["GM0106", "GM0106"],
                         "inwoners_1_januari": [69701, 69701],
                         "peildag_1_januari": [dt.date(2024, 1, 1), dt.date(2024, 1, 1)]})
    monkeypatch.setattr(data, "inwoners_jaar", lambda scope, sel: rows)
    got = reken.inwoners(ctx_voor(), 2025, ["GM0106"])
    assert got.to_dict("records") == [{"gemeente_code": "GM0106", "inwoners": 69701, "inwoners_jaar": 2024}]
