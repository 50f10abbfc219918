"""What a request may bring before the app reads it: a body size limit, and the shape and types
of a Dash callback body.

Dash callbacks are plain JSON POSTs to /_dash-update-component that anyone with a session can
forge. Dash itself trusts the body: a missing key, a number where the browser always sends a
string (`search`, `pathname`) or a dict where it sends a count (`n_clicks`) ends in a KeyError
or TypeError deep inside Dash or a callback, that is a 500 that looks like a server fault.
`check_callback` compares the body with the callback's registration (Dash's `callback_map`)
and refuses anything a real browser never sends with `400 {"fout": "Ongeldig verzoek."}`, before
Dash or a callback runs. Only the request is judged here; an error while a valid request is
being served stays a 500.
"""
from __future__ import annotations

import json
import logging
import math

from flask import jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from .context import client_ip, get_context

log = logging.getLogger(__name__)

INVALID = "Ongeldig verzoek."
MAX_SAFE_INT = 2**53  # a JavaScript number: larger integers never come from a browser
_SCALAR = (str, int, float)  # bool is an int
_WILDCARDS = {"ALL", "ALLSMALLER", "MATCH"}


class Invalid(ValueError):
    """The callback body is not one a browser sends; the message says why (server log only)."""


# -- body size --------------------------------------------------------------------------------

def limit_body():
    """before_request, first in line: refuse a body over MAX_CONTENT_LENGTH (413) before the guard
    or anything else parses it.

    A declared Content-Length is compared without reading anything. A chunked body has no
    length: werkzeug's stream stops at the limit (gunicorn sets wsgi.input_terminated) but then
    silently returns the first `limit` bytes, which would reach Dash as a cut-off body. So such
    a body is read here, at most `limit` bytes, and refused when it fills them; what is read is
    cached for the app (request.get_data, request.form)."""
    limit = request.max_content_length
    if limit is None:
        return
    length = request.content_length
    if length is not None:
        if length > limit:
            raise RequestEntityTooLarge()
        return
    chunked = "chunked" in request.headers.get("Transfer-Encoding", "").lower()
    if chunked and len(request.get_data(cache=True)) >= limit:
        raise RequestEntityTooLarge()


# -- value types by property --------------------------------------------------------------------

def _number(v) -> bool:
    if isinstance(v, bool):
        return True
    if isinstance(v, int):
        return abs(v) <= MAX_SAFE_INT
    return isinstance(v, float) and math.isfinite(v)


def _scalar(v) -> bool:
    return isinstance(v, str) or (isinstance(v, _SCALAR) and _number(v))


def _text(v) -> bool:
    return v is None or isinstance(v, str)


def _path(v) -> bool:
    return v is None or (isinstance(v, str) and v.startswith("/"))


def _count(v) -> bool:
    return v is None or (type(v) is int and 0 <= v <= MAX_SAFE_INT)


def _timestamp(v) -> bool:
    return v is None or (type(v) is int and abs(v) <= MAX_SAFE_INT)


def _value(v) -> bool:
    """Dropdowns, radio items, inputs, sliders: a scalar or a flat list of scalars."""
    if v is None or _scalar(v):
        return True
    return isinstance(v, list) and all(x is None or _scalar(x) for x in v)


def _event(v) -> bool:
    """Plotly's clickData, hoverData, selectedData: {"points": [{...}, ...], ...}."""
    if v is None:
        return True
    if not isinstance(v, dict):
        return False
    points = v.get("points")
    return points is None or (isinstance(points, list) and all(isinstance(p, dict) for p in points))


def _relayout(v) -> bool:
    return v is None or isinstance(v, (dict, list))


# The properties a browser sends for the components this app uses, by name. A property that is
# not listed (a dcc.Store's `data`, ...) is passed on unchecked: its callback must cope.
PROPERTY_TYPES = {
    "search": _text, "hash": _text, "href": _text, "pathname": _path,
    "n_clicks": _count, "submit_n_clicks": _count, "cancel_n_clicks": _count,
    "n_submit": _count, "n_blur": _count, "n_intervals": _count,
    "n_clicks_timestamp": _timestamp, "submit_n_clicks_timestamp": _timestamp,
    "cancel_n_clicks_timestamp": _timestamp, "n_submit_timestamp": _timestamp,
    "n_blur_timestamp": _timestamp,
    "value": _value,
    "clickData": _event, "hoverData": _event, "selectedData": _event,
    "clickAnnotationData": _relayout, "relayoutData": _relayout, "restyleData": _relayout,
    "displayed": lambda v: v is None or isinstance(v, bool),
}


# -- the body against the callback's registration -------------------------------------------------

def _pattern(dep_id: str) -> dict | None:
    """The pattern of a pattern-matching dependency id ('{"type":"x","i":["ALL"]}'), else None."""
    if not dep_id.startswith("{"):
        return None
    return json.loads(dep_id)


def _wild(value) -> str | None:
    if isinstance(value, list) and len(value) == 1 and value[0] in _WILDCARDS:
        return value[0]
    return None


def _check_id(dep_id: str, pattern: dict | None, id_) -> None:
    if pattern is None:
        if id_ != dep_id:
            raise Invalid(f"id {id_!r} in plaats van {dep_id!r}")
        return
    if not isinstance(id_, dict) or set(id_) != set(pattern):
        raise Invalid(f"id {id_!r} past niet bij het patroon {dep_id}")
    for key, expected in pattern.items():
        if _wild(expected):
            if not _scalar(id_[key]):
                raise Invalid(f"id-waarde {key}={id_[key]!r}")
        elif id_[key] != expected:
            raise Invalid(f"id {id_!r} past niet bij het patroon {dep_id}")


def _check_element(dep: dict, pattern: dict | None, element, with_value: bool) -> None:
    if not isinstance(element, dict) or "id" not in element or "property" not in element:
        raise Invalid(f"element {str(element)[:80]!r}")
    prop, given = dep["property"], element["property"]
    if not isinstance(given, str):
        raise Invalid(f"eigenschap {str(given)[:80]!r}")
    if not with_value:
        given = given.split("@")[0]  # the browser sends an allow_duplicate output as "search@<hash>"
    if given != prop:
        raise Invalid(f"eigenschap {given!r} in plaats van {prop!r}")
    _check_id(dep["id"], pattern, element["id"])
    if not with_value or "value" not in element:
        return  # an undefined property is left out of the JSON by the browser
    value = element["value"]
    if prop == "id":
        if value != element["id"]:
            raise Invalid("de waarde van 'id' is niet het id")
    elif prop in PROPERTY_TYPES and not PROPERTY_TYPES[prop](value):
        raise Invalid(f"{prop} van het type {type(value).__name__}")


def _check_entries(deps: list[dict], entries, what: str, with_value: bool, seen: dict) -> None:
    if not isinstance(entries, list) or len(entries) != len(deps):
        raise Invalid(f"{what}: {len(deps)} verwacht")
    for dep, entry in zip(deps, entries):
        pattern = _pattern(dep["id"])
        wilds = {_wild(v) for v in pattern.values()} if pattern else set()
        if wilds & {"ALL", "ALLSMALLER"}:
            if not isinstance(entry, list):
                raise Invalid(f"{what}: lijst verwacht voor {dep['id']}")
            for element in entry:
                _check_element(dep, pattern, element, with_value)
            if "ALL" in wilds:
                # Every dependency with the same ALL pattern covers the same components, in the
                # same order: the callback pairs them up by position.
                ids = [json.dumps(e["id"], sort_keys=True) for e in entry]
                if seen.setdefault(dep["id"], ids) != ids:
                    raise Invalid(f"{what}: andere componenten voor {dep['id']}")
        else:
            _check_element(dep, pattern, entry, with_value)


def _ids_in(entries: list) -> list[tuple]:
    out = []
    for entry in entries:
        for element in entry if isinstance(entry, list) else [entry]:
            out.append((element["id"], element["property"]))
    return out


def _check_changed(changed, inputs: list) -> None:
    if not isinstance(changed, list):
        raise Invalid("changedPropIds")
    present = _ids_in(inputs)
    for prop_id in changed:
        if not isinstance(prop_id, str) or "." not in prop_id:
            raise Invalid(f"changedPropIds: {prop_id!r}")
        id_text, _, prop = prop_id.rpartition(".")
        try:
            id_ = json.loads(id_text) if id_text.startswith("{") else id_text
        except ValueError:
            raise Invalid(f"changedPropIds: {prop_id[:80]!r}") from None
        if (id_, prop) not in present:
            raise Invalid(f"changedPropIds: {prop_id[:80]!r} is geen input")


def check_body(body, callback_map: dict) -> None:
    """Raise Invalid when `body` is not a callback request a browser could send for one of the
    callbacks in `callback_map`."""
    if not isinstance(body, dict):
        raise Invalid("geen JSON-object")
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        raise Invalid(f"onbekende callback {str(output)[:80]!r}")
    cb = callback_map[output]
    seen: dict = {}
    _check_entries(cb["inputs"], body.get("inputs"), "inputs", True, seen)
    _check_entries(cb.get("state", []), body.get("state", []), "state", True, seen)
    if not cb.get("no_output"):
        registered = cb["output"]
        outputs = [o.to_dict() for o in registered] if isinstance(registered, list) else [registered.to_dict()]
        given = body.get("outputs")
        _check_entries(outputs, given if isinstance(registered, list) else [given], "outputs", False, seen)
    _check_changed(body.get("changedPropIds", []), body["inputs"])


def _refuse(reason: str):
    log.warning("ongeldige callback van %s geweigerd: %s", client_ip(), reason[:200])
    response = jsonify({"fout": INVALID})
    response.status_code = 400
    return response


def check_callback():
    """before_request, after the guard and Dash's own setup: judge a callback body."""
    ctx = get_context()
    dash_app = ctx.dash_app if ctx is not None else None
    if dash_app is None or request.method != "POST":
        return None
    if request.path != dash_app.config.routes_pathname_prefix + "_dash-update-component":
        return None
    try:
        body = request.get_json(silent=True)  # parsed once; Dash reads the cached result
    except RecursionError:
        return _refuse("te diep genest")
    if body is None:
        return _refuse("geen JSON")
    try:
        check_body(body, dash_app.callback_map)
    except Invalid as reason:
        return _refuse(str(reason))
    return None
