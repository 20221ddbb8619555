"""Unit browser, unit API search and global search on the full official unit set (SQLite).

    .venv/bin/python bench/bench_units.py

Loads every legacy and current unit plus the demo world into a fresh SQLite
database, then times each page warm, server side, through Django's test client.
"""

import sys
import time

from _setup import fresh_database, median_ms, report

LIMIT_MS = 50


def main():
    fresh_database()
    from django.test import Client

    from danvan.demo import build as demo
    from danvan.units.models import Unit

    from danvan.units.services import load_official_units

    for run in ("first", "second"):
        started = time.perf_counter()
        report_ = load_official_units()
        print(f"units load, {run} run: {time.perf_counter() - started:.1f} s (limit 60 s), "
              f"{report_.created:,} created, {report_.updated:,} updated, changed: {report_.changed}")
    started = time.perf_counter()
    demo.build()
    print(f"{Unit.objects.count():,} units; demo world built in {time.perf_counter() - started:.1f} s")

    rows = []
    for username in ("admin", "camau", "hieptung"):
        client = Client()
        client.force_login(_user(username))
        nam_can = Unit.objects.visible_to(_user(username)).filter(name="Năm Căn", level=2).first()
        pages = {
            "unit browser": "/units/",
            "unit API search 'nam can'": "/api/v1/units/?search=nam%20can",
            "unit API level=3 valid_at=2026-01-01": "/api/v1/units/?level=3&valid_at=2026-01-01",
            "global search 'nam can'": "/search/?q=nam+can",
            "global search 'dong thap'": "/search/?q=dong+thap",
        }
        if nam_can:
            pages["unit page huyện Năm Căn"] = f"/units/{nam_can.pk}/"
        for name, url in pages.items():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            rows.append((f"{username}: {name}", median_ms(lambda url=url: client.get(url))))
    sys.exit(0 if report(rows, LIMIT_MS) else 1)


def _user(username):
    from danvan.accounts.models import User

    return User.objects.get(username=username)


if __name__ == "__main__":
    main()
