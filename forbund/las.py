"""What is approved stays approved, in the database itself: lock triggers declared on the models
with django-pgtrigger, so a model shows its protections where it is defined, and the admin, a
form, a management command and raw SQL are all refused alike.

`Las` refuses an operation with a Swedish message and SQLSTATE 23001 (restrict_violation);
forbund.middleware answers it 409 with that message, never 500. `LasFran` refuses changes to
rows whose parent row (a period, a report) is approved, which a trigger's WHEN clause cannot
say (no subqueries there).

pgtrigger lets a session skip a trigger by setting `pgtrigger.ignore`, which any database role
may set, the portal's own included. A lock the portal could lift with one SET is no lock, so
`neutralisera_ignore` (run after every migrate) makes pgtrigger's check always answer "do not
ignore"; pgtrigger.ignore() does nothing in this project. The portal's role in production owns
no table, so it can neither disable nor drop a trigger nor replace that function
(forbund/roller.py, README "Production").
"""

from __future__ import annotations

import pgtrigger
from django.db import connections

SQLSTATE = "23001"  # restrict_violation


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def vagra_sql(meddelande: str) -> str:
    """The PL/pgSQL statement that refuses with `meddelande` (SQLSTATE 23001)."""
    return (
        f"RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = {_sql_text(meddelande)};"
    )


class Las(pgtrigger.Trigger):
    """Refuse `operation` on the rows that `condition` picks (OLD for UPDATE and DELETE)."""

    when = pgtrigger.Before

    def __init__(self, *, name: str, operation, meddelande: str, condition=None):
        super().__init__(
            name=name, operation=operation, condition=condition, func=vagra_sql(meddelande)
        )


class LasFran(pgtrigger.Trigger):
    """Refuse INSERT, UPDATE and DELETE of a row whose parent (`falt` → `tabell`) is
    approved (`villkor` on the parent's columns), before and after an UPDATE."""

    when = pgtrigger.Before
    operation = pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete

    def __init__(self, *, name: str, falt: str, tabell: str, villkor: str, meddelande: str):
        def _kontroll(rad: str) -> str:
            return (
                f"IF EXISTS (SELECT 1 FROM {tabell} WHERE id = {rad}.{falt} AND {villkor}) "  # noqa: S608 - names from the model declarations
                f"THEN {vagra_sql(meddelande)} END IF;"
            )

        func = (
            f"IF TG_OP <> 'INSERT' THEN {_kontroll('OLD')} END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_kontroll('NEW')} RETURN NEW; END IF; "
            "RETURN OLD;"
        )
        super().__init__(name=name, func=func)


NEUTRAL_IGNORE = """
CREATE OR REPLACE FUNCTION public._pgtrigger_should_ignore(trigger_name NAME)
RETURNS BOOLEAN AS $$ SELECT FALSE $$ LANGUAGE sql;
COMMENT ON FUNCTION public._pgtrigger_should_ignore(NAME) IS
    'Förbundsportalen: pgtrigger.ignore är avstängt; ett lås kan inte kringgås (forbund/las.py).';
"""


def neutralisera_ignore(*, using: str = "default", **_kwargs) -> None:
    """After migrate (post_migrate): pgtrigger's ignore check always says "do not ignore".
    Every trigger pgtrigger installs re-creates the function, so this runs after every
    migrate, as the role that owns it."""
    with connections[using].cursor() as cursor:
        cursor.execute(NEUTRAL_IGNORE)
