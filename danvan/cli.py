"""The ``danvan`` console command: Django's management commands with our settings."""

import os
import sys

# Commands that only describe the program work without a configuration, so that an
# operator can read the help before setting anything.
_HELP = {"help", "--help", "-h", "--version", "version"}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.SECRET_KEY
    except ImproperlyConfigured as error:
        if argv and argv[0] not in _HELP:
            sys.exit(f"danvan: {error}")
    if argv and argv[0] == "serve":
        import django

        django.setup()
        ensure_cache_table()
    execute_from_command_line(["danvan", *argv])  # serve runs until stopped: its cache table is made beforehand
    if argv and argv[0] == "migrate":
        ensure_cache_table()


def ensure_cache_table():
    """Create the DatabaseCache tables that settings.CACHES names and the database lacks (DANVAN_CACHE_URL=db://),
    after each migrate and before serve starts; createcachetable leaves an existing table alone. True if it ran."""
    from django.conf import settings
    from django.core.management import call_command

    if any(cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache" for cache in settings.CACHES.values()):
        call_command("createcachetable", verbosity=0)
        return True
    return False


if __name__ == "__main__":
    main()
