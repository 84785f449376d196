from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate

from . import kontroller, las  # noqa: F401 - the database checks register on import


class ForbundConfig(AppConfig):
    default = True
    name = "forbund"
    verbose_name = "Förbundet"

    def ready(self):
        # After every migrate: pgtrigger's ignore switch off (forbund/las.py). Once per run.
        post_migrate.connect(las.neutralisera_ignore, sender=self, dispatch_uid="neutral-ignore")


class PortalAdminConfig(admin_apps.AdminConfig):
    """The Django admin, opened to the kansli through forbund.permissions."""

    default = False
    default_site = "forbund.admin_site.PortalAdminSite"
