from django.apps import AppConfig


class MotenConfig(AppConfig):
    name = "moten"
    verbose_name = "Möten och protokoll"
