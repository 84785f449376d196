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
]
