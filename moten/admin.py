"""Meetings in the Django admin, for the kansli's reference. A justerat protocol and
everything in it is read-only here too (the database refuses changes anyway)."""

from django.contrib import admin

from forbund.admin_site import KansliAdmin

from .models import AttSats, Jav, Mote, Paragraf, Protokoll


class SparrAdmin(KansliAdmin):
    def _sparrad(self, obj) -> bool:
        if obj is None:
            return False
        protokoll = obj if isinstance(obj, Protokoll) else getattr(obj, "protokoll", None)
        if protokoll is None and hasattr(obj, "paragraf"):
            protokoll = obj.paragraf.protokoll
        return bool(protokoll and protokoll.status == Protokoll.Status.JUSTERAT)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._sparrad(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._sparrad(obj)


class AttSatsInline(SparrAdmin, admin.TabularInline):
    model = AttSats
    extra = 0


class JavInline(SparrAdmin, admin.TabularInline):
    model = Jav
    extra = 0


@admin.register(Mote)
class MoteAdmin(SparrAdmin, admin.ModelAdmin):
    list_display = ["datum", "organ", "plats"]
    list_filter = ["organ"]


@admin.register(Protokoll)
class ProtokollAdmin(SparrAdmin, admin.ModelAdmin):
    list_display = ["mote", "typ", "status", "justerat"]
    list_select_related = ["mote__organ"]
    # Status, time and hash come only from the justering flow (services.protokoll_justera).
    readonly_fields = ["status", "justerat", "sha256"]


@admin.register(Paragraf)
class ParagrafAdmin(SparrAdmin, admin.ModelAdmin):
    list_display = ["nummer", "rubrik", "protokoll"]
    list_select_related = ["protokoll__mote__organ"]
    search_fields = ["rubrik", "text"]
    inlines = [AttSatsInline, JavInline]
