from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from simple_history.admin import SimpleHistoryAdmin

from .admin_site import KansliAdmin
from .models import Forbund, Organ, Part, Person, Uppdrag


class KansliHistoryAdmin(KansliAdmin, SimpleHistoryAdmin):
    """Admin with the change history button, for the kansli."""


@admin.register(Forbund)
class ForbundAdmin(KansliHistoryAdmin):
    list_display = ["namn", "organisationsnummer", "sate"]


@admin.register(Part)
class PartAdmin(KansliHistoryAdmin):
    list_display = ["namn", "typ", "folkmangd", "kommunandel"]
    list_filter = ["typ"]


@admin.register(Organ)
class OrganAdmin(KansliHistoryAdmin):
    list_display = ["namn", "typ"]


class UppdragInline(KansliAdmin, admin.TabularInline):
    model = Uppdrag
    extra = 0


@admin.register(Person)
class PersonAdmin(KansliHistoryAdmin):
    list_display = ["efternamn", "fornamn", "titel", "epost", "user"]
    search_fields = ["fornamn", "efternamn", "epost"]
    inlines = [UppdragInline]


@admin.register(Uppdrag)
class UppdragAdmin(KansliHistoryAdmin):
    list_display = ["person", "roll", "organ", "part", "startdatum", "slutdatum"]
    list_filter = ["roll", "organ"]
    list_select_related = ["person", "organ", "part"]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class PortalUserAdmin(KansliAdmin, UserAdmin):
    pass


@admin.register(Group)
class PortalGroupAdmin(KansliAdmin, GroupAdmin):
    pass
