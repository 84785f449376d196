"""The navigation and the förbund's name on every page (a context processor): which apps' pages
this user may use, asked of each app's permissions."""

from dataclasses import dataclass

from django.urls import reverse

from behovsanalys import permissions as behovsanalys_permissions
from ekonomi import permissions as ekonomi_permissions
from enkater import permissions as enkat_permissions
from forbund import permissions, selectors
from insatser import permissions as insats_permissions
from moten import permissions as moten_permissions
from rapporter import permissions as rapporter_permissions


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


def portal(request):
    """The förbund's name and the navigation this user may use."""
    user = request.user
    items = []
    if user.is_authenticated:
        # (label, URL name, allowed, other URL names whose pages belong under this entry)
        candidates = [
            ("Översikt", "oversikt", True, ()),
            ("Möten", "mote_list", moten_permissions.can_view_motesregister(user), ()),
            ("Beslut", "beslutsregister", moten_permissions.can_view_beslutsregister(user), ()),
            ("Insatser", "insats_list", insats_permissions.can_view_insatser(user), ()),
            ("Ekonomi", "ekonomi_dashboard", ekonomi_permissions.can_view_ekonomi(user), ()),
            # Verksamhetsrapporter, arrangemang and the behovsanalys: one entry, so the
            # menu still fits on one line on a laptop.
            (
                "Rapporter",
                "rapporter",
                rapporter_permissions.can_view_rapporter(user)
                or behovsanalys_permissions.can_view_behovsanalys(user),
                ("behovsanalys",),
            ),
            ("Enkäter", "omgang_list", enkat_permissions.can_view_results(user), ()),
            ("Förbundet", "forbund_detail", permissions.can_view_forbund(user), ()),
            ("Personer", "person_list", permissions.can_manage_personer(user), ()),
            ("Administration", "admin:index", permissions.can_use_admin(user), ()),
        ]
        path = request.path
        for label, name, allowed, also in candidates:
            if not allowed:
                continue
            url = reverse(name)
            active = path == url if url == "/" else path.startswith(url)
            active = active or any(path.startswith(reverse(n)) for n in also)
            items.append(NavItem(label, url, active))
    forbund = selectors.forbund_get()
    return {
        "nav_items": items,
        "forbund_namn": forbund.namn if forbund else "Förbundsportalen",
    }
