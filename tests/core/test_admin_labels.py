"""Every label the admin shows is Vietnamese: each of the project's models
registered there (and the models of its inline tables) names itself and each
of its fields in Vietnamese, not with the English default Django makes from
the code name ("agency", "created by"). The models of installed packages
(login attempts, task queue, second factor) keep their packages' labels."""

from django.apps import apps
from django.contrib import admin
from django.db import models
from django.utils import translation
from django.utils.text import camel_case_to_spaces


def own(model) -> bool:
    return model.__module__.startswith("danvan.") and not model.__name__.startswith("Historical")


def admin_models() -> list[type[models.Model]]:
    found = set()
    for model, model_admin in admin.site._registry.items():
        found.add(model)
        found.update(inline.model for inline in model_admin.inlines)
    return sorted((model for model in found if own(model)), key=lambda model: model._meta.label)


def english_defaults(models_to_check) -> list[str]:
    wrong = []
    with translation.override("vi"):
        for model in models_to_check:
            opts = model._meta
            default_name = camel_case_to_spaces(opts.object_name)
            if str(opts.verbose_name) == default_name:
                wrong.append(f"{opts.label}: verbose_name")
            if str(opts.verbose_name_plural) in (f"{default_name}s", f"{opts.verbose_name}s"):
                wrong.append(f"{opts.label}: verbose_name_plural")
            for field in opts.get_fields():
                if (field.auto_created and not field.concrete) or isinstance(field, models.AutoField):
                    continue  # a relation's other side, named by its own model; the id
                label = str(field.verbose_name)
                if label.lower() == field.name.replace("_", " ").lower():
                    wrong.append(f"{opts.label}.{field.name}: {label!r}")
    return wrong


def test_the_admin_shows_the_projects_models():
    labels = {model._meta.label for model in admin_models()}
    assert {"core.Agency", "plans.Plan", "petitions.Petition", "reports.Report"} <= labels


def test_every_admin_label_is_vietnamese():
    assert english_defaults(admin_models()) == []


def test_every_model_of_the_project_is_named_in_vietnamese():
    assert english_defaults([model for model in apps.get_models() if own(model)]) == []
