"""The root URLconf (project layer): the base's own pages, then every app's URLs."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from moten.api import public_urls

from . import views
from .projekt import views as projekt_views

urlpatterns = [
    path("", projekt_views.oversikt, name="oversikt"),
    path("forbundet/", views.forbund_detail, name="forbund_detail"),
    path("forbundet/andra/", views.forbund_edit, name="forbund_edit"),
    path("forbundet/organ/<int:pk>/", views.organ_detail, name="organ_detail"),
    path("personer/", views.person_list, name="person_list"),
    path("personer/ny/", views.person_create, name="person_create"),
    path("personer/<int:pk>/", views.person_detail, name="person_detail"),
    path("personer/<int:pk>/andra/", views.person_edit, name="person_edit"),
    path("personer/<int:pk>/inloggning/", views.konto_create, name="konto_create"),
    path("personer/<int:pk>/uppdrag/ny/", views.uppdrag_create, name="uppdrag_create"),
    path("uppdrag/<int:pk>/andra/", views.uppdrag_edit, name="uppdrag_edit"),
    path("personer/bekrafta/", views.bekraftelser, name="bekraftelser"),
    path("personer/bekrafta/<int:pk>/", views.bekraftelse_bekrafta, name="bekraftelse_bekrafta"),
    path("personer/logg/", projekt_views.personlogg, name="personlogg"),
    path("kansli/jobb/", views.jobb_fel, name="jobb_fel"),
    path("kansli/jobb/<int:pk>/forsok-igen/", views.jobb_forsok_igen, name="jobb_forsok_igen"),
    path("tillganglighetsredogorelse/", views.tillganglighet, name="tillganglighet"),
    path("favicon.ico", views.favicon, name="favicon"),
    # Accounts: Django's views, Swedish templates in templates/registration/.
    path("konto/", views.mitt_konto, name="mitt_konto"),
    path("konto/kalender/", views.kalenderlank, name="kalenderlank"),
    path("konto/logga-in/", auth_views.LoginView.as_view(), name="login"),
    path("konto/logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/losenord/", views.LosenordByt.as_view(), name="password_change"),
    path(
        "konto/losenord/klart/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("konto/aterstall/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "konto/aterstall/skickat/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "konto/aterstall/<uidb64>/<token>/",
        views.LosenordSatt.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "konto/aterstall/klart/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", include("moten.urls")),
    path("", include("insatser.urls")),
    path("", include("ekonomi.urls")),
    path("", include("enkater.urls")),
    path("", include("behovsanalys.urls")),
    path("", include("rapporter.urls")),
    path("api/", public_urls()),
    path("admin/", admin.site.urls),
]
