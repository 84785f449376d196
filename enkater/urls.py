from django.urls import path

from . import views

urlpatterns = [
    path("enkater/", views.omgang_list, name="omgang_list"),
    path("enkater/ny/", views.omgang_create, name="omgang_create"),
    path("enkater/formular/", views.formular_list, name="formular_list"),
    path("enkater/formular/<int:pk>/", views.formular_detail, name="formular_detail"),
    path("enkater/jamfor/<slug:kod>/", views.jamforelse, name="enkat_jamforelse"),
    path("enkater/sjalvskattning/<slug:kod>/", views.sjalvskattning, name="enkat_sjalvskattning"),
    path("enkater/<int:pk>/", views.omgang_detail, name="omgang_detail"),
    path("enkater/<int:pk>/lankar/", views.token_lista, name="omgang_lankar"),
    path("enkater/<int:pk>/registrera/", views.registrera, name="omgang_registrera"),
    path("enkater/<int:pk>/import/", views.importera, name="omgang_import"),
    path("enkater/<int:pk>/resultat/", views.resultat, name="omgang_resultat"),
    path("enkater/<int:pk>/svar.xlsx", views.export_svar, name="omgang_export"),
    path("e/alla/<str:kod>/", views.besvara_delad, name="besvara_delad"),
    path("e/<str:kod>/", views.besvara, name="besvara"),
]
