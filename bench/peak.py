"""`python -m bench.peak CMD...`: run CMD and print its wall time and peak resident memory as one
JSON line on stderr's last line. A fresh process, so RUSAGE_CHILDREN covers only CMD (and its
children), like /usr/bin/time -v."""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> int:
    begin = time.perf_counter()
    r = subprocess.run(sys.argv[1:], check=False)
    wall = time.perf_counter() - begin
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"bench_peak": True, "rc": r.returncode, "wall_s": wall,
                      "maxrss_kib": ru.ru_maxrss, "user_s": ru.ru_utime, "sys_s": ru.ru_stime}),
          file=sys.stderr)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
