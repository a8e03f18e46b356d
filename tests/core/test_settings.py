import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "DANVAN_ENV": "production",
    "DANVAN_SECRET_KEY": "k" * 20 + "-production-secret-with-enough-variety-0123456789",
    "DANVAN_ALLOWED_HOSTS": "danvan.tayninh.gov.vn",
    "DANVAN_DEBUG": "False",
}


def run_danvan(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DANVAN_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    command = [sys.executable, "-m", "danvan.cli", *args]
    return subprocess.run(command, env={**clean, **env}, capture_output=True, text=True, timeout=120)


def test_production_without_secret_key_is_a_clear_startup_error():
    env = {k: v for k, v in PRODUCTION.items() if k != "DANVAN_SECRET_KEY"}
    result = run_danvan("check", env=env)
    assert result.returncode != 0
    assert "DANVAN_SECRET_KEY is not set" in result.stderr


def test_documented_production_settings_pass_check_deploy(tmp_path):
    result = run_danvan(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION, "DANVAN_VAR_DIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("value", ["yes", "1", "true"])
def test_boolean_setting_rejects_anything_but_true_or_false(value):
    result = run_danvan("check", env={"DANVAN_DEBUG": value})
    assert "DANVAN_DEBUG must be True or False" in result.stderr


def test_production_keeps_database_connections_and_checks_them(tmp_path):
    script = "from django.conf import settings; d = settings.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    env = {**PRODUCTION, "DANVAN_VAR_DIR": str(tmp_path)}
    assert run_danvan("shell", "--no-imports", "-c", script, env=env).stdout.split() == ["600", "True"]
    assert run_danvan(
        "shell", "--no-imports", "-c", script, env={"DANVAN_VAR_DIR": str(tmp_path)}
    ).stdout.split() == [
        "0",
        "True",
    ]
    overridden = {**env, "DANVAN_DB_CONN_MAX_AGE": "30"}
    assert run_danvan("shell", "--no-imports", "-c", script, env=overridden).stdout.split() == ["30", "True"]


def test_development_mail_is_written_to_files_under_var_mail(tmp_path):
    script = (
        "from django.core.mail import send_mail; "
        "send_mail('Nhắc hạn', 'Nhiệm vụ sắp đến hạn.', None, ['canbo@example.vn'])"
    )
    result = run_danvan("shell", "--no-imports", "-c", script, env={"DANVAN_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "Nhắc hạn" not in result.stdout + result.stderr
    (message,) = (tmp_path / "mail").iterdir()
    assert "canbo@example.vn" in message.read_text(encoding="utf-8")


PROVIDER = {
    "DANVAN_OIDC_ISSUER": "https://id.tayninh.gov.vn/o",
    "DANVAN_OIDC_CLIENT_ID": "danvan",
    "DANVAN_OIDC_CLIENT_SECRET": "bi-mat",
    "DANVAN_OIDC_AUTHORIZATION_ENDPOINT": "https://id.tayninh.gov.vn/o/authorize/",
    "DANVAN_OIDC_TOKEN_ENDPOINT": "https://id.tayninh.gov.vn/o/token/",
    "DANVAN_OIDC_JWKS_ENDPOINT": "https://id.tayninh.gov.vn/o/.well-known/jwks.json",
}


def test_an_identity_provider_with_an_endpoint_missing_is_a_clear_startup_error():
    env = {k: v for k, v in PROVIDER.items() if k != "DANVAN_OIDC_JWKS_ENDPOINT"}
    result = run_danvan("check", env=env)
    assert result.returncode != 0
    assert "DANVAN_OIDC_JWKS_ENDPOINT" in result.stderr


def test_signing_out_at_the_provider_is_allowed_by_the_content_security_policy():
    env = {**PROVIDER, "DANVAN_OIDC_END_SESSION_ENDPOINT": "https://id.tayninh.gov.vn/o/logout/"}
    code = (
        "from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'], settings.DANVAN_OIDC_ENABLED)"
    )
    result = run_danvan("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert "'https://id.tayninh.gov.vn'" in result.stdout and "True" in result.stdout
    assert (
        "False"
        in run_danvan(
            "shell", "-c", "from django.conf import settings; print(settings.DANVAN_OIDC_ENABLED)", env={}
        ).stdout
    )
