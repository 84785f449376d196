from django.urls import path

from . import views

urlpatterns = [
    path("behovsanalys/", views.behovsanalys, name="behovsanalys"),
    path("behovsanalys/pdf/", views.behovsanalys_pdf, name="behovsanalys_pdf"),
    path("behovsanalys/import/", views.behovsanalys_import, name="behovsanalys_import"),
    path("behovsanalys/exempelfil/", views.behovsanalys_exempel, name="behovsanalys_exempel"),
]
