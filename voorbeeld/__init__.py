"""The synthetic sample delivery (`python -m etl sample`): demonstration and test data only.

Nothing in a load reads this package; it writes files in the export formats of the contract
(section 1), which `etl load` then reads like any real delivery. `regio` writes one region,
`nationaal` the 342 municipalities, vectorised.
"""
from __future__ import annotations

from pathlib import Path


def write_sample(out_dir: Path, seed: int = 1, scale: str = "region", region_rows=None) -> dict:
    """Write the sample delivery into out_dir; return {'files': {name: data rows}, ...}."""
    if scale == "national":
        from .nationaal import write_national
        return write_national(out_dir, seed, region_rows=region_rows)
    from .regio import write_sample as write_region
    return write_region(out_dir, seed, scale, region_rows=region_rows)
