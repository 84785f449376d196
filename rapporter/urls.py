from django.urls import path

from . import views

urlpatterns = [
    path("rapporter/", views.rapporter_index, name="rapporter"),
    path(
        "rapporter/verksamhet/ny/",
        views.verksamhetsrapport_create,
        name="verksamhetsrapport_create",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/",
        views.verksamhetsrapport_detail,
        name="verksamhetsrapport_detail",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/avsnitt/<slug:nyckel>/",
        views.rapportavsnitt_edit,
        name="rapportavsnitt_edit",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/godkann/",
        views.verksamhetsrapport_godkann,
        name="verksamhetsrapport_godkann",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/ny-utgava/",
        views.verksamhetsrapport_ny_utgava,
        name="verksamhetsrapport_ny_utgava",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/rapport.pdf",
        views.verksamhetsrapport_pdf,
        name="verksamhetsrapport_pdf",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/bestall-pdf/",
        views.verksamhetsrapport_bestall,
        name="verksamhetsrapport_bestall",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/rapport.docx",
        views.verksamhetsrapport_docx,
        name="verksamhetsrapport_docx",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/rapport.html",
        views.verksamhetsrapport_html,
        name="verksamhetsrapport_html",
    ),
    path("rapporter/arrangemang/", views.arrangemang_list, name="arrangemang_list"),
    path("rapporter/arrangemang/nytt/", views.arrangemang_create, name="arrangemang_create"),
    path("rapporter/arrangemang/<int:pk>/", views.arrangemang_detail, name="arrangemang_detail"),
    path("rapporter/arrangemang/<int:pk>/andra/", views.arrangemang_edit, name="arrangemang_edit"),
]
