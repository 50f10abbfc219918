"""bench/vergelijk.py: what two builds of the same code do not share is masked, and the diff says
per file identical / different / only in one (small hand-made trees; the full run is by hand)."""
from bench import vergelijk as v


def test_volatile_values_are_masked_and_figures_kept():
    tekst = ("versie 20261201T165331-e3c09049, geladen 2026-12-01 16:53:31.123; "
             "datetime.datetime(2026, 12, 1, 16, 53, 31);datetime.datetime(2025, 6, 30, 0, 0);€ 1.270.872;30-06-2025")
    assert v._normaliseer(tekst) == ("versie <VERSIE>, geladen <TIJDSTIP>; <TIJDSTIP>;"
                                     "datetime.datetime(2025, 6, 30, 0, 0);€ 1.270.872;30-06-2025")


def test_diff_per_file(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    for boom in (a, b):
        (boom / "marts").mkdir(parents=True)
        (boom / "marts" / "gelijk.csv").write_text("maand;actief\n2024-01-01;3\n", encoding="utf-8")
    (a / "marts" / "anders.csv").write_text("x\n1\n2\n", encoding="utf-8")
    (b / "marts" / "anders.csv").write_text("x\n1\n3\n", encoding="utf-8")
    (b / "marts" / "nieuw.csv").write_text("x\n", encoding="utf-8")
    assert v.vergelijk(a, b, "oud", "nieuw") == 2
    uit = capsys.readouterr().out.splitlines()
    assert "gelijk:    marts/gelijk.csv" in uit and "VERSCHIL:  marts/anders.csv" in uit
    assert "ALLEEN IN nieuw: marts/nieuw.csv" in uit
    assert "    -2" in uit and "    +3" in uit
    assert uit[-1] == "3 bestanden, 1 gelijk, 2 verschillend of alleen in één."
