"""Insatser in the Django admin, for the kansli's reference data (goals among them)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from forbund.admin_site import KansliAdmin

from .models import Beviljning, Insats, Mal, Period, Signaturlista, Uppfoljning


class MalInline(KansliAdmin, admin.TabularInline):
    model = Mal
    extra = 1


@admin.register(Insats)
class InsatsAdmin(KansliAdmin, SimpleHistoryAdmin):
    list_display = ["namn", "typ", "status", "huvudman"]
    list_filter = ["typ", "status"]
    search_fields = ["namn"]
    filter_horizontal = ["kommuner", "styrgrupp", "personal"]
    inlines = [MalInline]


@admin.register(Beviljning)
class BeviljningAdmin(KansliAdmin, SimpleHistoryAdmin):
    list_display = ["insats", "ar", "belopp", "utfall", "paragraf"]
    list_select_related = ["insats", "paragraf"]
    readonly_fields = ["paragraf", "attsats"]


@admin.register(Period)
class PeriodAdmin(KansliAdmin, SimpleHistoryAdmin):
    """An approved period is read-only here as everywhere (the database refuses it anyway)."""

    list_display = ["insats", "fran", "till", "status"]
    list_filter = ["status"]

    def _godkand(self, obj) -> bool:
        return obj is not None and obj.status == Period.Status.GODKAND

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._godkand(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._godkand(obj)


@admin.register(Uppfoljning)
class UppfoljningAdmin(KansliAdmin, SimpleHistoryAdmin):
    list_display = ["insats", "datum", "nasta"]


@admin.register(Signaturlista)
class SignaturlistaAdmin(KansliAdmin, SimpleHistoryAdmin):
    """Read-only: a signaturlista is recorded from its paragraph (signaturlista_anta) and,
    once adopted, locked in the database; a change is a new list in a new paragraph."""

    list_display = ["giltig_fran", "paragraf", "antagen"]
    list_select_related = ["paragraf"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
