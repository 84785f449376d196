from django.apps import AppConfig


class EkonomiConfig(AppConfig):
    name = "ekonomi"
    verbose_name = "Ekonomi"
