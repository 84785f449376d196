"""Locks in the database, declared on the models with django-pgtrigger.

What is approved stays approved (a justerat protocol, an anslag, an approved period): a model
lists its locks in `Meta.triggers`, so it shows its protections where it is defined, and
`makemigrations` installs them. Every app declares its locks with `Sparr`.

Why not `pgtrigger.Protect` or a plain `pgtrigger.Trigger`: pgtrigger lets a session skip any
of its triggers by setting the `pgtrigger.ignore` variable (that is how `pgtrigger.ignore()`
works), and any database user may set a variable of that kind. A lock that raw SQL can switch
off with `SET pgtrigger.ignore = …` is no lock, so `Sparr` installs the same trigger without
that check. Nothing in the portal uses `pgtrigger.ignore()`.
"""

from __future__ import annotations

import pgtrigger
from pgtrigger import compiler

# The ERRCODE of a refused change: class 23 (integrity constraint violation), which Django
# raises as IntegrityError.
FELKOD = "restrict_violation"


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


RETUR = "RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;"
