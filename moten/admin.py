"""Meetings in the Django admin, for the kansli's reference. A justerat protocol (or färdiga
minnesanteckningar, or a paragraph justerad omedelbart) and everything in it is read-only here
too; the database refuses changes anyway (the locks in moten.models). The stored documents,
the anslag and the justeringar are only shown."""

from django.contrib import admin

from forbund.admin_site import KansliAdmin

from .models import (
    Anslag,
    AttSats,
    Jav,
    Justering,
    Mote,
    Paragraf,
    Protokoll,
    Protokolldokument,
)


def _sparrad(obj) -> bool:
    if obj is None:
        return False
    if isinstance(obj, Paragraf) and obj.omedelbart_justerad is not None:
        return True
    if isinstance(obj, Mote):
        protokoll = getattr(obj, "protokoll", None)
    elif isinstance(obj, Protokoll):
        protokoll = obj
    else:
        protokoll = getattr(obj, "protokoll", None)
        if protokoll is None and hasattr(obj, "paragraf"):
            return _sparrad(obj.paragraf)
    return bool(protokoll and protokoll.sparrat)


class SparrAdmin(KansliAdmin):
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not _sparrad(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _sparrad(obj)


class BaraVisa(KansliAdmin):
    """Written by the services only (justering, anslag): shown, never changed here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AttSatsInline(SparrAdmin, admin.TabularInline):
    model = AttSats
    extra = 0


class JavInline(SparrAdmin, admin.TabularInline):
    model = Jav
    extra = 0


@admin.register(Mote)
class MoteAdmin(SparrAdmin, admin.ModelAdmin):
    list_display = ["datum", "organ", "plats", "installt"]
    list_filter = ["organ"]


@admin.register(Protokoll)
class ProtokollAdmin(SparrAdmin, admin.ModelAdmin):
    list_display = ["mote", "typ", "status", "justerat"]
    list_select_related = ["mote__organ"]
    # Status, time and hash come only from the justering flow (services.protokoll_justera).
    readonly_fields = ["status", "justerat", "sha256", "justeringsomgang"]


@admin.register(Paragraf)
class ParagrafAdmin(SparrAdmin, admin.ModelAdmin):
    list_display = ["nummer", "rubrik", "protokoll"]
    list_select_related = ["protokoll__mote__organ"]
    search_fields = ["rubrik", "text"]
    inlines = [AttSatsInline, JavInline]
    readonly_fields = ["omedelbart_justerad", "omedelbar_sha256"]
    exclude = ["omedelbar_innehall"]


@admin.register(Justering)
class JusteringAdmin(BaraVisa, admin.ModelAdmin):
    list_display = ["protokoll", "roll", "person", "justerad"]
    list_select_related = ["protokoll__mote__organ", "person"]


@admin.register(Anslag)
class AnslagAdmin(BaraVisa, admin.ModelAdmin):
    list_display = ["anslagsdatum", "ned_tidigast", "protokoll", "paragraf"]
    list_select_related = ["protokoll__mote__organ", "paragraf"]


@admin.register(Protokolldokument)
class ProtokolldokumentAdmin(BaraVisa, admin.ModelAdmin):
    list_display = ["protokoll", "variant", "sha256", "skapat"]
    list_select_related = ["protokoll__mote__organ"]
    exclude = ["pdf"]
