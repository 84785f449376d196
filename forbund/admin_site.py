"""The Django admin, for the kansli's reference data. Access is decided by forbund.permissions,
not by Django's is_staff flag, so one module answers who may do what."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator

from . import permissions


class PortalAdminSite(admin.AdminSite):
    site_header = "Förbundsportalen – administration"
    site_title = "Förbundsportalen"
    index_title = "Referensdata"

    def has_permission(self, request):
        return permissions.can_use_admin(request.user)

    @method_decorator(login_not_required)
    def login(self, request, extra_context=None):
        # One login page for the whole portal.
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied
        target = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': target})}")


class KansliAdmin:
    """Mixin for model admins and inlines: permissions follow forbund.permissions.can_use_admin,
    instead of Django's per-model permission rows."""

    def has_module_permission(self, request):
        return permissions.can_use_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.can_use_admin(request.user)

    def has_add_permission(self, request, *args):
        return permissions.can_use_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return permissions.can_use_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.can_use_admin(request.user)
