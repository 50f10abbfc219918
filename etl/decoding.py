"""Export bytes as UTF-8 text: the encodings a file may come in, and its line endings.

A file is refused (``RefusedFile``, with the line where it goes wrong) rather than read with a
guessed encoding or with line numbers that some programs would count differently.
"""
from __future__ import annotations

import codecs
import re

from etl.errors import RefusedFile

# A valid UTF-8 multi-byte sequence: its presence means the file was written as UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                             rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_LONE_CR = re.compile(rb"\r(?!\n)")


def decode(data: bytes, bestand: str) -> bytes:
    """UTF-8 bytes without BOM, from UTF-8 (BOM or not), UTF-16 with BOM, or Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as e:
            raise RefusedFile(bestand, None, f"ongeldige UTF-16-tekst ({e.reason})") from None
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise RefusedFile(bestand, None, "dit is een oud Excel-bestand (.xls) of een met een "
                          "wachtwoord beveiligd werkboek; sla het op als .xlsx of als CSV")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    if b"\x00" in body:
        raise RefusedFile(bestand, _line_at(body, body.index(b"\x00")),
                          "het bestand bevat NUL-tekens: geen tekstbestand in UTF-8 of "
                          "Windows-1252 (UTF-16 zonder BOM?)")
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError as e:
        if bom:
            raise RefusedFile(bestand, _line_at(body, e.start),
                              "het bestand zegt UTF-8 te zijn (BOM) maar bevat ongeldige "
                              "tekens") from None
        utf8 = _UTF8_MULTIBYTE.search(body)
        if utf8 is not None:
            # Part UTF-8, part something else (a line pasted from another file, an edit in
            # an old editor): reading it as Windows-1252 would garble every UTF-8 accent.
            raise RefusedFile(bestand, _line_at(body, e.start),
                              f"gemengde tekencodering: deze regel is geen UTF-8, maar regel "
                              f"{_line_at(body, utf8.start())} wel; welke codering geldt is "
                              f"niet te zeggen (sla het bestand op als UTF-8)") from None
    try:
        return body.decode("cp1252").encode("utf-8")
    except UnicodeDecodeError as e:
        raise RefusedFile(bestand, _line_at(body, e.start), "de tekencodering is niet te lezen "
                          "(geen UTF-8 en geen Windows-1252)") from None


def _line_at(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def line_endings(text: bytes, bestand: str) -> bytes:
    """LF and CRLF, mixed or not, read as they are. A file with only CR line ends (classic
    Mac) is read as if they were LF. A lone CR inside a file that otherwise uses LF is refused:
    it is a line break to some programs and not to others, so line numbers would be a guess."""
    if b"\r" not in text:
        return text
    if b"\n" not in text:
        return text.replace(b"\r", b"\n")
    lone = _LONE_CR.search(text)
    if lone is not None and lone.end() < len(text):
        raise RefusedFile(bestand, _line_at(text, lone.start()),
                          "een los CR-teken (regeleinde zonder LF) midden in de regel; "
                          "verschoven of afgebroken regel?")
    return text
