"""Ekonomi's reference data in the Django admin: kontoplan, posts, the ceiling table."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from forbund.admin_site import KansliAdmin

from .models import Budgetpost, Kapitaltak, Konto, Verksamhetsar


@admin.register(Konto)
class KontoAdmin(KansliAdmin, admin.ModelAdmin):
    list_display = ["nummer", "namn"]
    search_fields = ["nummer", "namn"]


@admin.register(Budgetpost)
class BudgetpostAdmin(KansliAdmin, SimpleHistoryAdmin):
    list_display = ["namn", "grupp", "ordning", "insats"]
    list_filter = ["grupp"]
    filter_horizontal = ["konton"]


@admin.register(Verksamhetsar)
class VerksamhetsarAdmin(KansliAdmin, admin.ModelAdmin):
    list_display = ["ar", "ingaende_eget_kapital"]


@admin.register(Kapitaltak)
class KapitaltakAdmin(KansliAdmin, admin.ModelAdmin):
    list_display = ["medel_fran", "medel_till", "max_andel"]
