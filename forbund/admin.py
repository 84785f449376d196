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
    # Who logs in as whom is set only through the portal's own flow (konto_create), never by
    # re-pointing a person at another account: that would let one justera as another.
    readonly_fields = ["user"]


@admin.register(Uppdrag)
class UppdragAdmin(KansliHistoryAdmin):
    list_display = ["person", "roll", "organ", "part", "startdatum", "slutdatum"]
    list_filter = ["roll", "organ"]
    list_select_related = ["person", "organ", "part"]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Accounts and passwords: superusers only. The kansli gives logins through the portal,
    where each person sets their own password, so nobody can act as someone else (a
    justerare, the second attestant)."""


@admin.register(Group)
class PortalGroupAdmin(GroupAdmin):
    """Superusers only, like accounts."""
