"""The short soak (issue 20): real `manage.py runserver` and a `manage.py` command beside it,
interrupted at random moments of start-up, serving and exit with SIGINT, SIGTERM and
SIGKILL to their process groups (and once the postmaster killed too). After each, the next
command has to come up with every marker row a command reported written, and nothing may
need a hand repair. The moments are random; the schedule below makes sure every phase and
every signal comes up. `make soak` runs the full size (`make run`, many cycles);
tests/soak.py says how.
"""

import os
import random

from . import soak

# (phase, signal, marker command interrupted too, postmaster SIGKILLed too)
SCHEMA = [
    soak.Plan("uppstart", "SIGKILL", sidokommando_ocksa=True, postmaster_ocksa=False),
    soak.Plan("server", "SIGTERM", sidokommando_ocksa=False, postmaster_ocksa=True),
    soak.Plan("avslut", "SIGKILL", sidokommando_ocksa=False, postmaster_ocksa=False),
    soak.Plan("uppstart", "SIGINT", sidokommando_ocksa=True, postmaster_ocksa=False),
    soak.Plan("avslut", "SIGINT", sidokommando_ocksa=False, postmaster_ocksa=False),
]


def test_short_soak(tmp_path_factory):
    seed = int(os.environ.get("FORBUND_SOAK_SEED", random.SystemRandom().randrange(10**6)))
    mapp = tmp_path_factory.mktemp("soak")
    logg = []

    resultat = soak.kor(mapp, lage="kort", planer=SCHEMA, seed=seed, utskrift=logg.append)

    rapport = "\n".join(logg) + "\n" + resultat.rapport()
    assert resultat.alla_fel == [], f"{rapport}\n(upprepa med FORBUND_SOAK_SEED={seed})"
    assert len(resultat.cykler) == len(SCHEMA)
    # Cycles 3 and 5 leave their marker command alone (and the database running): their
    # markers at least are written, and checked after every later interruption.
    assert resultat.markorer >= 2, rapport
    assert not soak.egna_processer(mapp), "the soak left a PostgreSQL process running"
