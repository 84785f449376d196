from django.urls import path

from . import views

urlpatterns = [
    path("insatser/", views.insats_list, name="insats_list"),
    path("insatser/export.xlsx", views.insats_list_xlsx, name="insats_list_xlsx"),
    path("insatser/ny/", views.insats_create, name="insats_create"),
    path("insatser/sus/", views.sus_rapport, name="sus_rapport"),
    path("insatser/oversikt.pdf", views.insats_list_pdf, name="insats_list_pdf"),
    path("insatser/<int:pk>/ansokningar/ny/", views.ansokan_create, name="ansokan_create"),
    path("insatser/ansokningar/<int:pk>/", views.ansokan_detail, name="ansokan_detail"),
    path("insatser/ansokningar/bilagor/<int:pk>/", views.ansokan_bilaga, name="ansokan_bilaga"),
    path(
        "insatser/ansokningar/<int:pk>/dagordning/",
        views.ansokan_dagordning,
        name="ansokan_dagordning",
    ),
    path("insatser/<int:pk>/arsrapport/<int:ar>/", views.arsrapport_edit, name="arsrapport_edit"),
    path(
        "insatser/<int:pk>/arsrapport/<int:ar>/godkann/",
        views.arsrapport_godkann,
        name="arsrapport_godkann",
    ),
    path(
        "insatser/<int:pk>/arsrapport/<int:ar>/rapport.pdf",
        views.arsrapport_pdf,
        name="arsrapport_pdf",
    ),
    path("insatser/<int:pk>/", views.insats_detail, name="insats_detail"),
    path("insatser/<int:pk>/andra/", views.insats_edit, name="insats_edit"),
    path("insatser/<int:pk>/export.xlsx", views.insats_xlsx, name="insats_xlsx"),
    path(
        "insatser/<int:pk>/uppfoljningar/ny/", views.uppfoljning_create, name="uppfoljning_create"
    ),
    path("insatser/uppfoljningar/<int:pk>/", views.uppfoljning_detail, name="uppfoljning_detail"),
    path("insatser/<int:pk>/perioder/ny/", views.period_create, name="period_create"),
    path("insatser/perioder/<int:pk>/", views.period_edit, name="period_edit"),
    path("insatser/perioder/<int:pk>/godkann/", views.period_godkann, name="period_godkann"),
    path(
        "insatser/perioder/<int:pk>/komplettering/",
        views.period_komplettering,
        name="period_komplettering",
    ),
    path("insatser/perioder/<int:pk>/import/", views.period_import, name="period_import"),
    path("paragraf/<int:pk>/beviljning/ny/", views.beviljning_create, name="beviljning_create"),
    path("insatser/beviljningar/<int:pk>/", views.beviljning_detail, name="beviljning_detail"),
    path(
        "insatser/beviljningar/<int:pk>/betalplan/halften/",
        views.betalplan_halften,
        name="betalplan_halften",
    ),
    path(
        "insatser/beviljningar/<int:pk>/delbetalningar/ny/",
        views.delbetalning_create,
        name="delbetalning_create",
    ),
    path(
        "insatser/delbetalningar/<int:pk>/utlos/",
        views.delbetalning_utlos,
        name="delbetalning_utlos",
    ),
    path(
        "insatser/beviljningar/<int:pk>/utbetalningar/ny/",
        views.utbetalning_create,
        name="utbetalning_create",
    ),
    path(
        "insatser/utbetalningar/<int:pk>/attestera/",
        views.utbetalning_attestera,
        name="utbetalning_attestera",
    ),
    path(
        "insatser/utbetalningar/<int:pk>/utbetald/",
        views.utbetalning_utbetald,
        name="utbetalning_utbetald",
    ),
]
