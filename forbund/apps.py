from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps

from . import kontroller  # noqa: F401 - the database checks register on import


class ForbundConfig(AppConfig):
    default = True
    name = "forbund"
    verbose_name = "Förbundet"


class PortalAdminConfig(admin_apps.AdminConfig):
    """The Django admin, opened to the kansli through forbund.permissions."""

    default = False
    default_site = "forbund.admin_site.PortalAdminSite"
