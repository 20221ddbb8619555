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
    execute_from_command_line(["danvan", *argv])


if __name__ == "__main__":
    main()
