from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The Củ Chi demo: the top floor, which may import every app and which nothing imports."""

    name = "demo"
    verbose_name = "Dữ liệu mẫu"
