"""Danvan settings: everything comes from the environment.

A checkout with no environment at all runs on SQLite under ``var/`` with
development defaults. ``DANVAN_ENV=production`` turns on the production rules:
a secret key is required, cookies are secure and HTTPS is enforced
(docs/operations.md lists the variables).
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("DANVAN_VAR_DIR", PROJECT_DIR / "var"))


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default)
    if value not in ("True", "False"):
        raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}.")
    return value == "True"


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, str(default))
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envsecret(name: str) -> str | None:
    """Read NAME, or the file named by NAME_FILE (for container secrets)."""
    if os.environ.get(name):
        return os.environ[name]
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text(encoding="utf-8").strip()
    return None


ENVIRONMENT = os.environ.get("DANVAN_ENV", "development")
if ENVIRONMENT not in ("development", "production"):
    raise ImproperlyConfigured(f"DANVAN_ENV must be development or production, not {ENVIRONMENT!r}.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = envbool("DANVAN_DEBUG", "False")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DANVAN_DEBUG=True is not allowed with DANVAN_ENV=production.")

SECRET_KEY = envsecret("DANVAN_SECRET_KEY") or ""
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "DANVAN_SECRET_KEY is not set. In production set it (or DANVAN_SECRET_KEY_FILE) "
            "to a random string of at least 50 characters; see docs/operations.md."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = envlist("DANVAN_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("DANVAN_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("DANVAN_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "oauth2_provider",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "danvan.core",
    "danvan.petitions",
    "danvan.engagement",
    "danvan.documents",
    "danvan.plans",
    "danvan.reports",
    "danvan.evaluation",
    "danvan.democracy",
    "danvan.emulation",
    "danvan.onestop",
    "danvan.surveys",
    # Clients of the API and personal API tokens.
    "danvan.api",
    # The demo province and the province-scale generator (`danvan demo`).
    "danvan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "danvan.core.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A form or an autosave sent after the session ended: 401 for HTMX, back to
    # the form after signing in, never an empty 405 (core/middleware.py).
    "danvan.core.middleware.SessionEndedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "danvan.core.middleware.PasswordChangeRequiredMiddleware",
    "danvan.core.middleware.StorageUnavailableMiddleware",
    # Axes must come last: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "danvan.urls"
# A form refused by the CSRF check gets a Vietnamese page that gives back what was typed.
CSRF_FAILURE_VIEW = "danvan.core.views.csrf_failure"
WSGI_APPLICATION = "danvan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "danvan.core.context_processors.navigation",
            ],
        },
    },
    # The citizens' public pages (petitions/jinja2/): one lookup answers many
    # citizens at once, and Jinja2 renders a page in a tenth of the time.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "danvan.core.jinja.environment"},
    },
]
# Inputs and selects are written in Python, as Django's templates write them
# (danvan/core/rendering.py); the rest goes through Django's form templates.
FORM_RENDERER = "danvan.core.rendering.FastFormRenderer"

# In production a process keeps its database connection (a new PostgreSQL
# connection costs more than most pages) and checks it before reusing it after
# a restart of the database.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DANVAN_DATABASE_URL", f"sqlite:///{VAR_DIR / 'danvan.sqlite3'}"),
        conn_max_age=envint("DANVAN_DB_CONN_MAX_AGE", 600 if PRODUCTION else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; the timeout waits for the lock
    # instead of failing at once when the worker and a request write together.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": envint("DANVAN_SQLITE_TIMEOUT", 20),
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "danvan.core.throttle.SlowdownBackend",
    "axes.backends.AxesStandaloneBackend",
    "danvan.core.backends.PersonBackend",
    # Signing in at the province's identity provider (core/oidc.py): only its
    # own callback calls it; here so that its sessions load the person.
    "danvan.core.oidc.ProvinceIdentityBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "login"

# Lockout: five wrong passwords from one address lock that username at that
# address for 15 minutes (an office shares one public address, so a stranger
# elsewhere cannot lock an official out). Across all addresses, an account is
# slowed down after DANVAN_LOGIN_SLOWDOWN_AFTER wrong passwords (core/throttle.py).
# The reverse proxies (addresses or networks, comma-separated) whose
# X-Forwarded-For is believed (core/ratelimit.py); the public pages' limits per
# client address in 15 minutes.
DANVAN_TRUSTED_PROXIES = [
    part.strip() for part in os.environ.get("DANVAN_TRUSTED_PROXIES", "").split(",") if part.strip()
]
DANVAN_PUBLIC_LOOKUP_LIMIT = envint("DANVAN_PUBLIC_LOOKUP_LIMIT", 20)
DANVAN_PUBLIC_SUBMIT_LIMIT = envint("DANVAN_PUBLIC_SUBMIT_LIMIT", 5)
# The channels that tell citizens their case code and its steps (core/notify.py):
# dotted paths of backend classes, e-mail through the outbox by default.
DANVAN_CITIZEN_MESSAGE_BACKENDS = envlist(
    "DANVAN_CITIZEN_MESSAGE_BACKENDS", "danvan.core.notify.EmailBackend"
)
DANVAN_PUBLIC_SURVEY_LIMIT = envint("DANVAN_PUBLIC_SURVEY_LIMIT", 30)
# Sign-in locks count the same client address as the public pages.
AXES_CLIENT_IP_CALLABLE = "danvan.core.ratelimit.client_address"
AXES_FAILURE_LIMIT = envint("DANVAN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("DANVAN_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "danvan.core.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
# A try during the lock does not restart it: the wait shown is the wait left.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
DANVAN_LOGIN_SLOWDOWN_AFTER = envint("DANVAN_LOGIN_SLOWDOWN_AFTER", 10)
DANVAN_LOGIN_SLOWDOWN_MAX_MINUTES = envint("DANVAN_LOGIN_SLOWDOWN_MAX_MINUTES", 15)

# Second factor: a person with an authenticator app set up types its code (or a
# recovery code) after the password. A person holding one of these roles who has
# none is sent to set one up and can open nothing else until then.
DANVAN_OTP_REQUIRED_ROLES = envlist(
    "DANVAN_OTP_REQUIRED_ROLES", "system_admin,agency_leader,inspector" if PRODUCTION else ""
)
OTP_TOTP_ISSUER = os.environ.get("DANVAN_OTP_ISSUER", "Danvan")

# Single sign-on with the province's identity provider (OpenID Connect,
# authorization code flow with PKCE, ID token signed RS256 and checked against
# the provider's JWKS; core/oidc.py, docs/operations.md). Off while
# DANVAN_OIDC_ISSUER is empty: the login page then shows nothing of it.
DANVAN_OIDC_ISSUER = os.environ.get("DANVAN_OIDC_ISSUER", "").rstrip("/")
DANVAN_OIDC_ENABLED = bool(DANVAN_OIDC_ISSUER)
OIDC_RP_CLIENT_ID = os.environ.get("DANVAN_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = envsecret("DANVAN_OIDC_CLIENT_SECRET") or ""
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("DANVAN_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("DANVAN_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("DANVAN_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("DANVAN_OIDC_JWKS_ENDPOINT", "")
# The provider's end_session endpoint: signing out of Danvan also ends the
# session there (optional).
DANVAN_OIDC_END_SESSION_ENDPOINT = os.environ.get("DANVAN_OIDC_END_SESSION_ENDPOINT", "")
if DANVAN_OIDC_ENABLED:
    _missing = [
        name
        for name, value in [
            ("DANVAN_OIDC_CLIENT_ID", OIDC_RP_CLIENT_ID),
            ("DANVAN_OIDC_CLIENT_SECRET", OIDC_RP_CLIENT_SECRET),
            ("DANVAN_OIDC_AUTHORIZATION_ENDPOINT", OIDC_OP_AUTHORIZATION_ENDPOINT),
            ("DANVAN_OIDC_TOKEN_ENDPOINT", OIDC_OP_TOKEN_ENDPOINT),
            ("DANVAN_OIDC_JWKS_ENDPOINT", OIDC_OP_JWKS_ENDPOINT),
        ]
        if not value
    ]
    if _missing:
        raise ImproperlyConfigured(
            f"DANVAN_OIDC_ISSUER is set but {', '.join(_missing)} is not; see docs/operations.md."
        )
OIDC_RP_SCOPES = os.environ.get("DANVAN_OIDC_SCOPES", "openid profile email")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_TIMEOUT = envint("DANVAN_OIDC_TIMEOUT_SECONDS", 10)
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_callback"
# A first sign-in of an identity no administrator has linked creates an account
# (with no roles) only when this is True; otherwise it is refused.
DANVAN_OIDC_CREATE_USERS = envbool("DANVAN_OIDC_CREATE_USERS", "False")
# True: a person signed in at the provider is not asked Danvan's own second
# step (the provider requires its own second factor). False (the default):
# Danvan's second step is asked as after a password.
DANVAN_OIDC_SKIPS_SECOND_FACTOR = envbool("DANVAN_OIDC_SKIPS_SECOND_FACTOR", "False")

# Database sessions, read with one written-out query (danvan/core/sessions.py).
SESSION_ENGINE = "danvan.core.sessions"
SESSION_COOKIE_AGE = envint("DANVAN_SESSION_SECONDS", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = PRODUCTION and envbool("DANVAN_SSL_REDIRECT", "True")
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Everything is served from this site: vendored libraries, no inline script.
# Bootstrap's CSS draws its icons with data: SVG images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if DANVAN_OIDC_ENABLED and DANVAN_OIDC_END_SESSION_ENDPOINT:
    # Signing out (a form on every page) goes on to the provider's end_session
    # endpoint, and a form's redirects are held to form-action.
    _end_session = urlsplit(DANVAN_OIDC_END_SESSION_ENDPOINT)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        f"{_end_session.scheme}://{_end_session.netloc}"
    )

# Uploads: a request body larger than this is refused before it is read whole.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DANVAN_MAX_UPLOAD_BYTES = envint("DANVAN_MAX_UPLOAD_MB", 20) * 1024 * 1024

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["danvan.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DANVAN_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DANVAN_MEDIA_ROOT", VAR_DIR / "media"))
# Uploaded files have no public URL: each is sent by a download view that
# checks the person's scope (nothing serves MEDIA_URL, in any mode).
STORAGES = {
    "default": {"BACKEND": "danvan.core.storage.PrivateFileStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# In development each e-mail is written as a file under var/mail/ instead of being sent.
EMAIL_BACKEND = os.environ.get(
    "DANVAN_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.filebased.EmailBackend",
)
# Every connection to the mail server gives up after this many seconds (core/outbox.py).
EMAIL_TIMEOUT = envint("DANVAN_EMAIL_TIMEOUT", 20)
EMAIL_FILE_PATH = Path(os.environ.get("DANVAN_MAIL_DIR", VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("DANVAN_EMAIL_HOST", "localhost")
EMAIL_PORT = envint("DANVAN_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DANVAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = envsecret("DANVAN_EMAIL_PASSWORD") or ""
EMAIL_USE_TLS = envbool("DANVAN_EMAIL_USE_TLS", "False")
DEFAULT_FROM_EMAIL = os.environ.get("DANVAN_EMAIL_FROM", "Danvan <danvan@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Without Redis each process keeps its own cache, bounded in bytes
# (core/boundedcache.py): it holds the sign-in slowdown's counters. No page is
# kept: each is rendered from the data when it is asked for. Sessions stay in
# the database unless Redis is shared by every process: a per-process copy
# would keep a signed-out session alive in the other processes.
CACHES = {
    "default": {
        "BACKEND": "danvan.core.boundedcache.BoundedMemoryCache",
        "LOCATION": "default",
        "OPTIONS": {
            "MAX_ENTRIES": envint("DANVAN_CACHE_ENTRIES", 1000),
            "MAX_BYTES": envint("DANVAN_CACHE_MB", 4) * 1024 * 1024,
            "MAX_VALUE_BYTES": 64 * 1024,
        },
    },
}
if redis_url := os.environ.get("DANVAN_REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("DANVAN_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A background job's record whose heartbeat is older than the lease belongs to
# a worker that died: it is taken up again, at most JOB_ATTEMPTS times in all.
# The lease outlasts the slowest step between two heartbeats (one OCR page, at
# most 180 s). The worker looks for such jobs every JOB_RECOVERY_SECONDS.
JOB_LEASE_SECONDS = envint("DANVAN_JOB_LEASE_SECONDS", 240)
JOB_ATTEMPTS = envint("DANVAN_JOB_ATTEMPTS", 3)
JOB_RECOVERY_SECONDS = envint("DANVAN_JOB_RECOVERY_SECONDS", 60)

REST_FRAMEWORK = {
    # A bearer token (a registered client's OAuth 2.0 token or a person's own
    # API token, danvan/api/auth.py) or the signed-in session of the pages.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "danvan.api.auth.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Signed in, and for a token the scope the endpoint names (danvan/api/access.py).
    "DEFAULT_PERMISSION_CLASSES": ["danvan.api.access.HasScope"],
    # How often one token may call; the pages' session is not limited here.
    "DEFAULT_THROTTLE_CLASSES": ["danvan.api.access.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": os.environ.get("DANVAN_API_RATE", "1200/minute")},
    "DEFAULT_SCHEMA_CLASS": "danvan.api.schema.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "danvan.api.common.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Errors in the person's language, never naming a model (danvan/api/errors.py).
    "EXCEPTION_HANDLER": "danvan.api.errors.exception_handler",
}
# Registered clients get tokens by the client-credentials grant at /api/o/token/;
# the scopes they may ask for are the API's (danvan/api/scopes.py).
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER = {
    "SCOPES_BACKEND_CLASS": "danvan.api.oauth.ClientScopes",
    "OAUTH2_VALIDATOR_CLASS": "danvan.api.oauth.ClientValidator",
    "ACCESS_TOKEN_EXPIRE_SECONDS": int(os.environ.get("DANVAN_API_TOKEN_SECONDS", "3600")),
    # Only client credentials are used; the OAuth 2.0 Security BCP (RFC 9700)
    # behaviours are all switched on: no implicit or password grant, S256
    # PKCE only, tokens never in a query string and stored hashed, refresh
    # tokens single-use, redirect URIs over https only.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Danvan API",
    "DESCRIPTION": "API của hệ thống quản lý công tác Dân vận chính quyền.",
    "VERSION": "1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The schema does not describe itself: it is served to a signed-in
    # session only (a token is sent to the login page), so it is no operation
    # of the API.
    "SERVE_INCLUDE_SCHEMA": False,
    # Several models have a "status"; each keeps its own name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "CriteriaSetStatusEnum": "danvan.evaluation.models.CriteriaSet.Status",
        "AssessmentStatusEnum": "danvan.evaluation.models.Assessment.Status",
        "GoodPracticeStatusEnum": "danvan.emulation.models.GoodPractice.Status",
        "GoodPracticeFieldEnum": "danvan.emulation.models.Field",
        "GoodPracticeLevelEnum": "danvan.emulation.models.Level",
        "PlanStatusEnum": "danvan.plans.models.Plan.Status",
        "PlanKindEnum": "danvan.plans.models.Plan.Kind",
        "TaskStatusEnum": "danvan.plans.models.Task.Status",
        "ReportStatusEnum": "danvan.reports.models.Report.Status",
        "ReportRequestKindEnum": "danvan.reports.models.ReportRequest.Kind",
        "DialogueStatusEnum": "danvan.engagement.models.Dialogue.Status",
        "DialogueKindEnum": "danvan.engagement.models.Dialogue.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DANVAN_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
