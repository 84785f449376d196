from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Demo data, the scale generator, benchmarks and the load test's preparation: installed
    by the development, test and benchmark settings, never by production."""

    name = "devtools"
    verbose_name = "Utvecklingsverktyg"
