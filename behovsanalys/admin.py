from django.contrib import admin

from forbund.admin_site import KansliAdmin

from .models import Behovsimport, Behovsregion


@admin.register(Behovsregion)
class BehovsregionAdmin(KansliAdmin, admin.ModelAdmin):
    """The regions of the behovsanalys: here a kommun is linked to its part by hand if the
    import could not tell from the name."""

    list_display = ["kod", "namn", "niva", "part"]
    list_filter = ["niva"]
    list_editable = ["part"]
    readonly_fields = ["kod", "niva"]

    def has_add_permission(self, request):
        return False  # regions come with the files


@admin.register(Behovsimport)
class BehovsimportAdmin(KansliAdmin, admin.ModelAdmin):
    """Each imported file, for reference: the rows are replaced by a new import, not here."""

    list_display = ["filnamn", "kalla", "ar_fran", "ar_till", "antal_rader", "importerad"]
    readonly_fields = [f.name for f in Behovsimport._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
