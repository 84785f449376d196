from django.apps import AppConfig


class BehovsanalysConfig(AppConfig):
    name = "behovsanalys"
    verbose_name = "Behovsanalys"
