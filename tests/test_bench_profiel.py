"""bench/profiel.py: a cProfile table summed by the part of the stack each function belongs to,
with hand-made tables whose shares are computed by hand."""
from bench import profiel
from bench.common import ROOT

EIGEN_QUERY = str(ROOT / "kern" / "datalaag" / "query.py")
EIGEN_TABEL = str(ROOT / "dashboard" / "components" / "tabel.py")
EIGEN_VISUAL = str(ROOT / "dashboard" / "visuals" / "overzicht.py")
SITE = "/opt/venv/lib/python3.11/site-packages"


def _rij(tt, ct=None, callers=None):
    return (1, 1, tt, tt if ct is None else ct, callers or {})


def test_each_function_counts_for_its_part_of_the_stack():
    assert profiel.soort(f"{SITE}/pandas/core/frame.py", "__init__") == "pandas en numpy"
    assert profiel.soort("~", "<method 'reduce' of 'numpy.ufunc' objects>") == "pandas en numpy"
    assert profiel.soort("~", "<built-in method _json.encode_basestring_ascii>") == "JSON"
    assert profiel.soort("/usr/lib/python3.11/json/encoder.py", "iterencode") == "JSON"
    assert profiel.soort(f"{SITE}/dash/development/base_component.py", "wrapper") == "Dash en Plotly"
    assert profiel.soort(f"{SITE}/werkzeug/test.py", "open") == "Flask en werkzeug"
    assert profiel.soort("~", "<built-in method builtins.isinstance>") == profiel.OVERIG
    assert profiel.soort(EIGEN_TABEL, "tabel") == profiel.EIGEN
    # DuckDB's own methods are invisible to cProfile: the data layer's query module holds their time
    assert profiel.soort(EIGEN_QUERY, "query") == "DuckDB"
    assert profiel.soort(EIGEN_QUERY, "<lambda>") == "DuckDB"
    # a file named like ours under site-packages is a library's
    assert profiel.soort(f"{SITE}/kern/data.py", "x") == profiel.OVERIG


def test_shares_of_the_own_time_and_the_largest_own_modules():
    stats = {
        (EIGEN_QUERY, 58, "query"): _rij(0.40),
        (f"{SITE}/pandas/core/frame.py", 466, "__init__"): _rij(0.25),
        ("~", 0, "<method 'reduce' of 'numpy.ufunc' objects>"): _rij(0.05),
        (EIGEN_TABEL, 42, "tabel"): _rij(0.10),
        (EIGEN_TABEL, 90, "_cel"): _rij(0.05),
        (EIGEN_VISUAL, 10, "kpi"): _rij(0.05),
        (f"{SITE}/dash/_utils.py", 1, "f"): _rij(0.06),
        ("~", 0, "<built-in method builtins.isinstance>"): _rij(0.04),
    }
    v = profiel.verdeling(stats)  # total own time 1.00 s
    assert list(v["soorten"]) == ["DuckDB", "pandas en numpy", "eigen code", "Dash en Plotly", profiel.OVERIG]
    assert [round(f, 4) for f in v["soorten"].values()] == [0.40, 0.30, 0.20, 0.06, 0.04]
    assert [(k, round(f, 4)) for k, f in v["eigen"]] == [
        ("dashboard/components/tabel.py", 0.15), ("dashboard/visuals/overzicht.py", 0.05)]
    assert profiel.tekst(v) == (
        "waar de tijd heen gaat (eigen tijd onder cProfile, één koude ronde): DuckDB 40 %, pandas en numpy 30 %, "
        "eigen code 20 %, Dash en Plotly 6 %, overig (Python zelf) 4 %; grootste eigen modules: "
        "dashboard/components/tabel.py 15 %, dashboard/visuals/overzicht.py 5 %")


def test_the_python_under_the_data_layers_query_is_turning_its_result_into_pandas():
    query = (EIGEN_QUERY, 58, "query")
    stats = {
        query: _rij(0.30, ct=0.50),
        # DataFrame() 0.50 s own time, of which 0.20 s (cumulative) called from query() (.df())
        (f"{SITE}/pandas/core/frame.py", 466, "__init__"): _rij(
            0.50, callers={query: (1, 1, 0.2, 0.2), (EIGEN_TABEL, 42, "tabel"): (1, 1, 0.3, 0.3)}),
        (EIGEN_TABEL, 42, "tabel"): _rij(0.20),
    }
    v = profiel.verdeling(stats)
    assert {k: round(f, 4) for k, f in v["soorten"].items()} == {
        "pandas en numpy": 0.30, "DuckDB": 0.30, profiel.OMZETTEN: 0.20, "eigen code": 0.20}


def test_pandas_time_is_traced_to_the_module_of_ours_that_called_it():
    tabel, visual = (EIGEN_TABEL, 42, "tabel"), (EIGEN_VISUAL, 10, "kpi")
    frame_init = (f"{SITE}/pandas/core/frame.py", 466, "__init__")
    stats = {
        tabel: _rij(0.10),
        visual: _rij(0.10),
        # DataFrame() called 0.30 s (cumulative) from the visual and 0.10 s from the table
        frame_init: _rij(0.20, ct=0.40, callers={visual: (3, 3, 0.15, 0.30), tabel: (1, 1, 0.05, 0.10)}),
        # pandas calling pandas is not ours: not counted again
        (f"{SITE}/pandas/core/generic.py", 1, "copy"): _rij(0.20, callers={frame_init: (1, 1, 0.2, 0.2)}),
    }
    v = profiel.verdeling(stats)  # total own time 0.60 s
    assert [(k, round(f, 4)) for k, f in v["pandas_door"]] == [
        ("dashboard/visuals/overzicht.py", 0.5), ("dashboard/components/tabel.py", 0.1667)]
    assert "; pandas vooral vanuit dashboard/visuals/overzicht.py 50 %, dashboard/components/tabel.py 17 %;" \
        in profiel.tekst(v)


def test_an_empty_profile_gives_no_text():
    assert profiel.verdeling({}) == {"soorten": {}, "eigen": [], "pandas_door": []}
    assert profiel.tekst(profiel.verdeling({})) == ""


def test_a_real_round_is_profiled():
    def rondje():
        sum(i * i for i in range(20000))
    v = profiel.profileer(rondje)
    assert abs(sum(v["soorten"].values()) - 1) < 1e-9
    assert v["soorten"][profiel.OVERIG] > 0.5  # a generator and sum(): Python itself
