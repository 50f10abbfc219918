"""Job status files (staat/taken.py): written whole, read by id, forged ids refused, a silent job noticed."""
import os
import time

import pytest

from staat import taken


def test_a_job_reports_its_last_status_and_a_silent_one_is_noticed(tmp_path):
    taak_id, bestand = taken.nieuw(tmp_path, door="regio1")
    assert taken.lees(tmp_path, taak_id) == {"status": "gestart", "door": "regio1"}
    taken.schrijf(bestand, status="bezig", door="regio1", melding="bouwen")
    assert taken.lees(tmp_path, taak_id)["melding"] == "bouwen" and not taken.stil(tmp_path, taak_id)
    oud = time.time() - taken.STIL_NA_S - 1
    os.utime(bestand, (oud, oud))
    assert taken.stil(tmp_path, taak_id)
    assert taken.lees(tmp_path, "0" * 32) is None and not taken.stil(tmp_path, "0" * 32)


@pytest.mark.parametrize("vals", ["../state", "", None, 7, "A" * 32, "0" * 31])
def test_a_forged_id_never_names_a_file(tmp_path, vals):
    with pytest.raises(ValueError):
        taken.pad(tmp_path, vals)
