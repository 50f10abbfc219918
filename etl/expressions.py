"""DuckDB SQL for parsing one column of Dutch export text, built from its column map entry.

Each column ``c`` (a trimmed string, null when empty) gets three expressions, evaluated in
three stacked projections so later ones can refer to earlier ones by name:

- ``c__s``: a cleaned helper string (only where cleaning is needed);
- ``c__v``: the typed value (null when the text does not parse);
- ``c__e``: null when the value is fine, else the Dutch reason the row is rejected.

Reasons name the column but never the value, so the load report can count rows per reason.
"""
from __future__ import annotations

from dataclasses import dataclass

from etl.soorten import Column

DATE = r"(\d{1,2}-\d{1,2}-\d{4})( \d{1,2}:\d{2}(:\d{2})?)?"   # COGNOS may append a time
DATE_TWO_DIGIT_YEAR = r"\d{1,2}-\d{1,2}-\d{2}( .*)?"
DUTCH_NUMBER = r"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?"
POINT_DECIMAL = r"-?\d+\.\d+"
EXCEL_SERIAL = r"\d{1,6}([.,]\d+)?"   # 45292 (1-1-2024) or 45292,5: a date cell saved as number
INTEGER = r"-?\d+"
GEMEENTE = r"(GM)?\d{1,4}"
CODE = r"\d{1,2}"
# The longest text value a row may carry. No field of any export comes near it (a product
# description or provider name is under 200 characters); a longer one is a broken export (a
# quote that swallowed lines, a pasted document) and is kept aside rather than loaded.
MAX_TEXT_CHARS = 4000


def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def lit(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class ColumnSql:
    helper: str | None
    value: str
    error: str
    sql_type: str


def _number(value) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def _range_cases(col: Column, label: str, v: str) -> list[tuple[str, str]]:
    lo, hi = col.minimum, col.maximum
    if lo is None and hi is None:
        return []
    if lo is not None and hi is not None:
        msg = f"{label} moet tussen {_number(lo)} en {_number(hi)} liggen"
    elif hi is None:
        msg = (f"{label} mag niet negatief zijn" if lo == 0
               else f"{label} moet minstens {_number(lo)} zijn")
    else:
        msg = f"{label} mag hoogstens {_number(hi)} zijn"
    conds = ([f"{v} < {lo}"] if lo is not None else []) + ([f"{v} > {hi}"] if hi is not None else [])
    return [(" or ".join(conds), msg)]


def _case(raw: str, required: bool, label: str, cases: list[tuple[str, str | None]]) -> str:
    """A case expression; a case whose message is None marks the value as fine (a cheap test
    put first, so well-formed values skip the regular expressions that name the fault)."""
    missing = lit(f"{label} ontbreekt (verplicht veld)") if required else "null"
    whens = " ".join(f"when {cond} then {lit(msg) if msg is not None else 'null'}"
                     for cond, msg in cases)
    return f"case when {raw} is null then {missing} {whens} end"


def column_sql(col: Column, label: str) -> ColumnSql:
    """The SQL that parses and checks one column; `label` is its name as users know it."""
    raw, s, v = q(col.name), q(col.name + "__s"), q(col.name + "__v")
    helper = None
    if col.type == "text":
        value, sql_type = raw, "varchar"
        cases = [(f"strlen({raw}) > {MAX_TEXT_CHARS} and length({raw}) > {MAX_TEXT_CHARS}",
                  f"{label} is langer dan {MAX_TEXT_CHARS:,} tekens".replace(",", "."))]
    elif col.type == "date":
        # strptime alone takes `1-2-24` as the year 24; a dash fifth from the end rules that
        # out without a regular expression on every value.
        value = (f"cast(case when {raw}[-5] = '-' and length({raw}) >= 8 then try_strptime({raw}, '%d-%m-%Y') "
                 f"when contains({raw}, ':') then try_strptime(regexp_extract({raw}, "
                 f"'^{DATE}$', 1), '%d-%m-%Y') end as date)")
        sql_type = "date"
        cases = [
            (f"{v} is not null", None),
            (f"regexp_full_match({raw}, '{DATE_TWO_DIGIT_YEAR}')",
             f"{label} heeft een jaartal van twee cijfers; dat is dubbelzinnig (verwacht dd-mm-jjjj)"),
            (f"regexp_full_match({raw}, '{EXCEL_SERIAL}')",
             (f"{label} is een getal, geen datum (een Excel-datumnummer?); dat wordt niet "
             f"omgerekend omdat het dubbelzinnig is (verwacht dd-mm-jjjj)")),
            (f"not regexp_full_match({raw}, '{DATE}')", f"{label} is geen datum (verwacht dd-mm-jjjj)"),
            ("true", f"{label} is een datum die niet bestaat"),
        ]
    elif col.type == "amount":
        d = col.decimals
        helper = (f"case when contains({raw}, '€') or contains({raw}, ' ') "
                  f"or contains({raw}, chr(160)) "
                  f"then regexp_replace({raw}, '[€\\s\\x{{00A0}}]', '', 'g') else {raw} end")
        sql_type = f"decimal(18, {d})"
        value = f"try_cast(replace(replace({s}, '.', ''), ',', '.') as {sql_type})"
        ranges = _range_cases(col, label, v)
        well_formed = DUTCH_NUMBER.replace(r"(,\d+)?", r"(,\d{1," + str(d) + "})?")
        fast = f"{v} is not null and regexp_full_match({s}, '{well_formed}')"
        cases = [
            (fast + "".join(f" and not ({cond})" for cond, _ in ranges), None),
            (f"not regexp_full_match({s}, '{DUTCH_NUMBER}') and regexp_full_match({s}, '{POINT_DECIMAL}')",
             (f"{label} heeft een punt als decimaalteken; dat is dubbelzinnig in een Nederlandse "
              f"export (verwacht een decimale komma, bijvoorbeeld 1.234,56)")),
            (f"not regexp_full_match({s}, '{DUTCH_NUMBER}')", f"{label} is geen bedrag"),
            (f"length(regexp_extract({s}, ',(\\d+)$', 1)) > {d}",
             f"{label} heeft meer dan {d} decimalen"),
            (f"{v} is null", f"{label} is te groot"),
            *ranges,
        ]
    elif col.type == "integer":
        value, sql_type = f"try_cast({raw} as integer)", "integer"
        cases = [
            (f"not regexp_full_match({raw}, '{INTEGER}')", f"{label} is geen geheel getal"),
            (f"{v} is null", f"{label} is te groot"),
            *_range_cases(col, label, v),
        ]
    elif col.type == "gemeente":
        helper = f"upper(replace({raw}, ' ', ''))"
        value = (f"case when regexp_full_match({s}, '{GEMEENTE}') "
                 f"then 'GM' || lpad(regexp_extract({s}, '\\d+'), 4, '0') end")
        sql_type = "varchar"
        cases = [
            (f"{v} is null", f"{label} is geen gemeentecode (verwacht bijvoorbeeld GM0106 of 0106)"),
            (f"not list_contains($gemeenten, {v})",
             f"{label}: onbekende gemeentecode (geen gemeente van de regio)"),
        ]
    elif col.type == "gemeente_nl":
        # Any Dutch municipality: the monitor keeps no national list (CBS renumbers with every
        # herindeling, and a placement from 2019 may carry a since-merged code), so the form is
        # checked, not the membership.
        helper = f"upper(replace({raw}, ' ', ''))"
        value = (f"case when regexp_full_match({s}, '{GEMEENTE}') "
                 f"and try_cast(regexp_extract({s}, '\\d+') as integer) > 0 "
                 f"then 'GM' || lpad(regexp_extract({s}, '\\d+'), 4, '0') end")
        sql_type = "varchar"
        cases = [(f"{v} is null", f"{label} is geen gemeentecode (verwacht bijvoorbeeld GM0106 of 0106)")]
    elif col.type == "code":
        value, sql_type = f"case when regexp_full_match({raw}, '{CODE}') then lpad({raw}, 2, '0') end", "varchar"
        cases = [(f"{v} is null", f"{label} is geen code van één of twee cijfers")]
    elif col.type == "enum":
        whens = " ".join(f"when {lit(c.lower())} then {lit(c)}" for c in col.choices)
        exact = ", ".join(lit(c) for c in col.choices)
        value = (f"case when {raw} in ({exact}) then {raw} "
                 f"else case lower(regexp_replace({raw}, '\\s+', ' ', 'g')) {whens} end end")
        sql_type = "varchar"
        choices = ", ".join(col.choices[:-1]) + " of " + col.choices[-1] if len(col.choices) > 1 \
            else col.choices[0]
        cases = [(f"{v} is null", f"{label} heeft een onbekende waarde (verwacht {choices})")]
    else:
        raise ValueError(f"kolomtype {col.type} hoort niet in een rijcontrole ({col.name})")
    error = _case(raw, col.required, label, cases)
    return ColumnSql(helper=helper, value=value, error=error, sql_type=sql_type)
