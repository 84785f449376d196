from django.urls import path

from . import views

urlpatterns = [
    path("enkater/", views.omgang_list, name="omgang_list"),
    path("enkater/ny/", views.omgang_create, name="omgang_create"),
    path("enkater/<int:pk>/", views.omgang_detail, name="omgang_detail"),
    path("enkater/<int:pk>/lankar/", views.token_lista, name="omgang_lankar"),
    path("enkater/<int:pk>/registrera/", views.registrera, name="omgang_registrera"),
    path("enkater/<int:pk>/resultat/", views.resultat, name="omgang_resultat"),
    path("e/<str:kod>/", views.besvara, name="besvara"),
]
