from django.apps import AppConfig


class DemoConfig(AppConfig):
    # No models and no pages: only the `demo` command and the data it loads.
    name = "danvan.demo"
    label = "demo"
