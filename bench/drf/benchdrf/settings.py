"""
The same list as PromptAds' GET /campaigns?limit=100, served by Django REST Framework, for the
benchmark (bench/drf.ts). Configured the way a production DRF service runs: DEBUG off, persistent
database connections, the JSON renderer only. No authentication and no middleware: the comparison
leaves Django the cheapest request path it has.
"""
import os

SECRET_KEY = os.environ.get("DRF_SECRET_KEY", "bench-only-not-a-secret")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchdrf.urls"
WSGI_APPLICATION = "benchdrf.wsgi.application"
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.postgres",
    "rest_framework",
    "benchdrf",
]
MIDDLEWARE = []
USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = False
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ["DRF_DB_NAME"],
        "USER": os.environ.get("DRF_DB_USER", "postgres"),
        "PASSWORD": os.environ.get("DRF_DB_PASSWORD", ""),
        "HOST": os.environ.get("DRF_DB_HOST", "127.0.0.1"),
        "PORT": os.environ.get("DRF_DB_PORT", "5432"),
        # Persistent connections: each worker keeps its connection for its whole life.
        "CONN_MAX_AGE": None,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "benchdrf.pagination.LimitOffsetPage",
}
# The tenant whose campaigns are listed: the account the PromptAds benchmark seeds.
BENCH_TENANT = os.environ["DRF_TENANT"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
