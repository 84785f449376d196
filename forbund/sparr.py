"""Locks in the database, declared on the models with django-pgtrigger: the one lock module of
the portal.

What is approved stays approved (a justerat protocol, an anslag, an approved period or report,
an attested payment, an adopted signaturlista): a model lists its locks in `Meta.triggers`, so
it shows its protections where it is defined, `makemigrations` installs them, and the admin, a
form, a management command and raw SQL are all refused alike.

Every lock is a `Sparr`: pgtrigger's trigger less its `pgtrigger.ignore` check. pgtrigger lets
a session skip any of its triggers by setting the `pgtrigger.ignore` variable (that is how
`pgtrigger.ignore()` works), and any database user may set a variable of that kind; a lock
that raw SQL can switch off with `SET pgtrigger.ignore = …` is no lock. Nothing in the portal
uses `pgtrigger.ignore()`. The portal's role in production owns no table, so it can neither
disable nor drop a trigger nor replace its function (forbund/roller.py, README "Production").

A refusal is SQLSTATE 23001 (restrict_violation, class 23: Django raises IntegrityError) with
a Swedish message; forbund.middleware answers it 409 with that message, never 500.

- `SparrRad` refuses an operation on the rows its condition picks (OLD for UPDATE and DELETE).
- `SparrForalder` refuses INSERT, UPDATE and DELETE of a row whose parent row (a period, a
  report, a list) is approved, which a trigger's WHEN clause cannot say (no subqueries there).
- `Sparr` with `fel(…)` and `RETUR` for anything else (moten's locks).
"""

from __future__ import annotations

import pgtrigger
from pgtrigger import compiler

# The ERRCODE of a refused change: class 23 (integrity constraint violation), which Django
# raises as IntegrityError; SQLSTATE is how psycopg names it.
FELKOD = "restrict_violation"
SQLSTATE = "23001"


class SparrSql(compiler.UpsertTriggerSql):
    """pgtrigger's installation SQL (v1), less the `pgtrigger.ignore` check."""

    def get_template(self) -> str:
        return """
            CREATE OR REPLACE FUNCTION {pgid}()
            RETURNS TRIGGER AS $$
                {declare}
                BEGIN
                    {func}
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS {pgid} ON {table};
            CREATE {constraint} TRIGGER {pgid}
                {when} {operation} ON {table}
                {timing}
                {referencing}
                FOR EACH {level} {condition}
                EXECUTE PROCEDURE {execute};

            COMMENT ON TRIGGER {pgid} ON {table} IS '{hash}';
        """


class Sparr(pgtrigger.Trigger):
    """A row trigger, before the change, that no session variable can skip."""

    when = pgtrigger.Before

    def compile(self, model) -> compiler.Trigger:
        compiled = super().compile(model)
        return compiler.Trigger(name=compiled.name, sql=SparrSql(**compiled.sql.kwargs))


def fel(meddelande: str, *argument: str) -> str:
    """PL/pgSQL that refuses the change: `meddelande` with a `%` per argument."""
    args = "".join(f", {a}" for a in argument)
    return f"RAISE EXCEPTION '{meddelande}'{args} USING ERRCODE = '{FELKOD}';"


def vagra(meddelande: str) -> str:
    """PL/pgSQL that refuses the change with `meddelande` as it stands (quotes and `%`
    included)."""
    text = "'" + meddelande.replace("'", "''") + "'"
    return f"RAISE EXCEPTION USING ERRCODE = '{FELKOD}', MESSAGE = {text};"


RETUR = "RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;"


class SparrRad(Sparr):
    """Refuse `operation` on the rows that `condition` picks (OLD for UPDATE and DELETE)."""

    def __init__(self, *, name: str, operation, meddelande: str, condition=None):
        super().__init__(
            name=name, operation=operation, condition=condition, func=vagra(meddelande)
        )


class SparrForalder(Sparr):
    """Refuse INSERT, UPDATE and DELETE of a row whose parent (`falt` → `tabell`) is
    approved (`villkor` on the parent's columns), before and after an UPDATE."""

    operation = pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete

    def __init__(self, *, name: str, falt: str, tabell: str, villkor: str, meddelande: str):
        def _kontroll(rad: str) -> str:
            return (
                f"IF EXISTS (SELECT 1 FROM {tabell} WHERE id = {rad}.{falt} AND {villkor}) "  # noqa: S608 - names from the model declarations
                f"THEN {vagra(meddelande)} END IF;"
            )

        func = (
            f"IF TG_OP <> 'INSERT' THEN {_kontroll('OLD')} END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_kontroll('NEW')} RETURN NEW; END IF; "
            "RETURN OLD;"
        )
        super().__init__(name=name, func=func)
