from django.urls import path

from . import views

urlpatterns = [
    path("ekonomi/", views.dashboard, name="ekonomi_dashboard"),
    path("ekonomi/import/", views.utfall_import, name="ekonomi_import"),
    path("ekonomi/import/<int:pk>/", views.utfall_granska, name="ekonomi_import_granska"),
    path("ekonomi/konton/", views.konton, name="ekonomi_konton"),
    path("ekonomi/saldolista/", views.saldolista, name="ekonomi_saldolista"),
    path("ekonomi/konton/mappa/", views.konto_mappa, name="ekonomi_konto_mappa"),
    path("ekonomi/<int:ar>/uppfoljning/", views.budgetuppfoljning, name="ekonomi_uppfoljning"),
    path("ekonomi/<int:ar>/delarsrapport/", views.delarsrapport, name="ekonomi_delarsrapport"),
    path("ekonomi/<int:ar>/prognos/", views.prognos, name="ekonomi_prognos"),
    path("ekonomi/<int:ar>/budget/", views.budget, name="ekonomi_budget"),
    path("ekonomi/<int:ar>/poster/<int:pk>/", views.post_detail, name="ekonomi_post"),
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
        "rapporter/verksamhet/<int:pk>/rapport.docx",
        views.verksamhetsrapport_docx,
        name="verksamhetsrapport_docx",
    ),
    path(
        "rapporter/verksamhet/<int:pk>/rapport.html",
        views.verksamhetsrapport_html,
        name="verksamhetsrapport_html",
    ),
]
