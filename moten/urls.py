from django.urls import path

from . import views

urlpatterns = [
    path("moten/", views.mote_list, name="mote_list"),
    path("moten/nytt/", views.mote_create, name="mote_create"),
    path("moten/<int:pk>/", views.mote_detail, name="mote_detail"),
    path("moten/<int:pk>/andra/", views.mote_edit, name="mote_edit"),
    path("moten/<int:pk>/dagordning/ny/", views.punkt_create, name="punkt_create"),
    path("moten/dagordning/<int:pk>/andra/", views.punkt_edit, name="punkt_edit"),
    path("moten/dagordning/<int:pk>/ta-bort/", views.punkt_delete, name="punkt_delete"),
    path("moten/dagordning/<int:pk>/flytta/", views.punkt_move, name="punkt_move"),
    path("moten/<int:pk>/handlingar/ny/", views.handling_upload, name="handling_upload"),
    path("moten/handlingar/<int:pk>/", views.handling_download, name="handling_download"),
    path("moten/<int:pk>/kallelse.pdf", views.kallelse_pdf, name="kallelse_pdf"),
    path("moten/<int:pk>/kallelse/skicka/", views.kallelse_send, name="kallelse_send"),
    path("protokoll/<int:pk>/", views.protokoll_detail, name="protokoll_detail"),
    path("protokoll/<int:pk>/narvaro/", views.narvaro_edit, name="narvaro_edit"),
    path(
        "protokoll/<int:pk>/fran-dagordningen/",
        views.protokoll_fran_dagordning,
        name="protokoll_fran_dagordning",
    ),
    path("protokoll/<int:pk>/paragraf/ny/", views.paragraf_create, name="paragraf_create"),
    path("protokoll/<int:pk>/numrera/", views.protokoll_numrera, name="protokoll_numrera"),
    path("protokoll/<int:pk>/justera/", views.protokoll_justera, name="protokoll_justera"),
    path("protokoll/<int:pk>/anslag/", views.anslag_create, name="anslag_create"),
    path("protokoll/<int:pk>/fardigt/", views.protokoll_fardigt, name="protokoll_fardigt"),
    path("protokoll/<int:pk>/nasta-mote/", views.protokoll_nasta_mote, name="protokoll_nasta_mote"),
    path("protokoll/<int:pk>/protokoll.pdf", views.protokoll_pdf, name="protokoll_pdf"),
    path("paragraf/<int:pk>/", views.paragraf_detail, name="paragraf_detail"),
    path("paragraf/<int:pk>/andra/", views.paragraf_edit, name="paragraf_edit"),
    path("paragraf/<int:pk>/ta-bort/", views.paragraf_delete, name="paragraf_delete"),
    path("paragraf/<int:pk>/flytta/", views.paragraf_move, name="paragraf_move"),
    path("paragraf/<int:pk>/utdrag.pdf", views.protokollsutdrag_pdf, name="protokollsutdrag_pdf"),
    path("beslut/", views.beslutsregister, name="beslutsregister"),
    path("anslagstavla/", views.anslagstavla, name="anslagstavla"),
]
