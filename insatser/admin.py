"""Insatser in the Django admin, for the kansli's reference data (goals among them)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from forbund.admin_site import KansliAdmin

from .models import Beviljning, Insats, Mal, Period, Uppfoljning


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
    list_display = ["insats", "fran", "till", "status"]
    list_filter = ["status"]


@admin.register(Uppfoljning)
class UppfoljningAdmin(KansliAdmin, SimpleHistoryAdmin):
    list_display = ["insats", "datum", "nasta"]
