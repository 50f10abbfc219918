"""The load generator of the throughput bench, run as its own process (`python -m bench.laadclient`,
started by bench/load_bench.py), so no client code runs in the server's or the bench's process.

N keep-alive HTTP/1.1 connections in one asyncio loop, each sending the next page-content POST
(the bodies in turn, one sequence shared by all clients) as soon as its previous answer is in
(closed loop), until `aantal` requests are done or `max_s`
has passed. Reads its task as JSON on stdin: {"poort", "cookie", "bodies": [str],
"gelijktijdig", "aantal", "max_s", "controleer_elke"}; writes {"tijden": [s], "fouten": [str],
"wand": s} on stdout. An answer counts as an error unless it is 200 with a body; one in
`controleer_elke` is also decompressed and must hold the page content (Dash's `_pages_content`),
the rest is checked by status and length only, to keep the client's own CPU small: on a 2-core
machine it shares the cores with the server."""
from __future__ import annotations

import asyncio
import gzip
import json
import sys
import time

import brotli


class _Verbinding:
    def __init__(self, poort: int):
        self.poort = poort
        self.lezer = self.schrijver = None

    async def open(self) -> None:
        self.lezer, self.schrijver = await asyncio.open_connection("127.0.0.1", self.poort)

    def sluit(self) -> None:
        if self.schrijver is not None:
            self.schrijver.close()
        self.lezer = self.schrijver = None

    async def post(self, kop: bytes, body: bytes) -> tuple[int, dict, bytes]:
        if self.schrijver is None:
            await self.open()
        self.schrijver.write(kop + body)
        statusregel = await self.lezer.readline()
        if not statusregel:
            raise ConnectionError("verbinding gesloten")
        status = int(statusregel.split()[1])
        koppen = {}
        while True:
            regel = await self.lezer.readline()
            if regel in (b"\r\n", b"\n", b""):
                break
            naam, _, waarde = regel.decode("latin-1").partition(":")
            koppen[naam.strip().lower()] = waarde.strip()
        if "content-length" not in koppen:
            raise ValueError("antwoord zonder Content-Length")
        inhoud = await self.lezer.readexactly(int(koppen["content-length"]))
        if koppen.get("connection", "").lower() == "close":
            self.sluit()
        return status, koppen, inhoud


def _uitgepakt(koppen: dict, inhoud: bytes) -> bytes:
    enc = koppen.get("content-encoding")
    if enc == "br":
        return brotli.decompress(inhoud)
    if enc == "gzip":
        return gzip.decompress(inhoud)
    return inhoud


async def belast(taak: dict) -> dict:
    bodies = [b.encode() for b in taak["bodies"]]
    over = [taak["aantal"]]
    volgende = [0]  # one sequence for all clients: `aantal` = len(bodies) asks every body exactly once
    eind = time.monotonic() + taak["max_s"]
    elke = max(1, int(taak.get("controleer_elke", 1)))
    tijden, fouten = [], []

    def kop(body: bytes) -> bytes:
        return ("POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Content-Type: application/json\r\nAccept-Encoding: br, gzip\r\n"
                f"Cookie: {taak['cookie']}\r\nContent-Length: {len(body)}\r\n\r\n").encode()

    async def client() -> None:
        con = _Verbinding(taak["poort"])
        try:
            while time.monotonic() < eind and over[0] > 0:
                over[0] -= 1  # one event loop: no lock needed
                i = volgende[0]
                volgende[0] += 1
                body = bodies[i % len(bodies)]
                begin = time.perf_counter()
                try:
                    status, koppen, inhoud = await con.post(kop(body), body)
                    duur = time.perf_counter() - begin
                    if status != 200 or not inhoud:
                        fouten.append(str(status))
                    elif i % elke == 0 and b'"_pages_content"' not in _uitgepakt(koppen, inhoud):
                        fouten.append("geen pagina-inhoud")
                    else:
                        tijden.append(duur)
                except (OSError, ValueError, asyncio.IncompleteReadError) as e:
                    fouten.append(type(e).__name__)
                    con.sluit()
        finally:
            con.sluit()

    begin = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(taak["gelijktijdig"])))
    return {"tijden": tijden, "fouten": fouten, "wand": time.perf_counter() - begin}


def main() -> int:
    taak = json.load(sys.stdin)
    json.dump(asyncio.run(belast(taak)), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
