"""Gemeentecode_verblijf in indicaties: optional, any Dutch municipality, read like Gemeentecode."""
from __future__ import annotations

from etl.region import load_region
from etl.validate import read_export

ASSEN = load_region("Assen").codes
HEADER = "Clientnummer;Gemeentecode;Toewijzingnummer;Productcategorie;Productcode;Leveringsvorm;Ingangsdatum"


def test_verblijf_outside_the_region_is_read_and_a_non_code_is_kept_aside(tmp_path):
    path = tmp_path / "indicaties_20250630.csv"
    path.write_text(HEADER + ";Gemeentecode verblijf\n"
                    "C1;0106;1;15;15A01;ZIN;01-01-2025;363\n"       # Amsterdam, outside the region
                    "C2;0106;2;15;15A01;ZIN;01-01-2025;GM1680\n"
                    "C3;0106;3;15;15A01;ZIN;01-01-2025;\n"          # optional: empty is unknown
                    "C4;0106;4;15;15A01;ZIN;01-01-2025;Amsterdam\n", encoding="utf-8")
    result = read_export(path, "indicaties", ASSEN)
    assert [r["gemeente_code_verblijf"] for r in result.rows.to_pylist()] == ["GM0363", "GM1680", None]
    assert [(r.regel, r.kolom) for r in result.rejected] == [(5, "gemeente_code_verblijf")]


def test_an_export_without_the_column_loads_with_verblijf_unknown(tmp_path):
    path = tmp_path / "indicaties_20250630.csv"
    path.write_text(HEADER + "\nC1;0106;1;15;15A01;ZIN;01-01-2025\n", encoding="utf-8")
    result = read_export(path, "indicaties", ASSEN)
    assert result.rows.to_pylist()[0]["gemeente_code_verblijf"] is None and not result.rejected
