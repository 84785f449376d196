"""Django's migrate, run as the role that owns the tables when production names it.

In production the portal connects as a role that owns nothing (DATABASE_URL), so it cannot
disable a lock trigger; the owner is DATABASE_MIGRATION_URL (settings.MIGRERINGSDATABAS,
forbund/settings/production.py). `python manage.py migrate` then connects as the owner for
the whole run: the default connection itself is pointed at it, so a data migration, a
post_migrate handler and Django's own bookkeeping all use the same role and the same
connection (a second alias would wait forever on the locks of the first). Without it
(development, tests) nothing changes."""

from django.conf import settings
from django.core.management import CommandError
from django.core.management.commands import migrate
from django.db import DEFAULT_DB_ALIAS, connections


class Command(migrate.Command):
    def handle(self, *args, **options):
        agare = getattr(settings, "MIGRERINGSDATABAS", None)
        if agare and options["database"] == DEFAULT_DB_ALIAS:
            default = connections[DEFAULT_DB_ALIAS]
            if agare["NAME"] != default.settings_dict["NAME"]:
                raise CommandError(
                    "DATABASE_MIGRATION_URL och DATABASE_URL ska peka på samma databas."
                )
            default.close()
            default.settings_dict.update(
                {k: agare[k] for k in ("USER", "PASSWORD", "HOST", "PORT", "OPTIONS") if k in agare}
            )
        return super().handle(*args, **options)
