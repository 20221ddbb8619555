"""The locust side of bench_load.py, in a process of its own because locust patches the interpreter (gevent).

    python bench/_load_run.py HOST ACCOUNTS_JSON USERS SECONDS SPAWN_RATE OUT_JSON

Officials log in through the login form one by one; once every one of them is in,
the statistics start from zero and they work for SECONDS, then finish the request
in hand. Writes each request's figures (and the logins', taken before the reset) to OUT_JSON.

Every user visits every kind of request, but by time, not by count: all work on one
kind for a slice of the run, then move to the next, each starting on a different kind.
At any moment each kind has about the same number of users, so a kind's requests/s is
what the server gives it at that concurrency, and its share of the trivial page's is
the ratio wrk would give at equal connections. (A mix weighted by count would make
every ratio equal to its weight.)
"""

import datetime
import itertools
import json
import random
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import gevent
from gevent.event import Event
from locust import FastHttpUser, constant, task
from locust.env import Environment
from locust.log import setup_logging

ACCOUNTS = {}
RUN = {}  # when the measured window started and how long each kind of work lasts
LOGGED_IN = []
START = Event()
TRIVIAL_URL = "/static/core/favicon.svg"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
INITIATIVE_LINK = re.compile(r'href="/movement/\d+/"')
FOLLOW_UP_LINK = re.compile(r'href="/oversight/follow-ups/\d+/"')
_numbers = itertools.count()


class Official(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.number = next(_numbers)
        self.account = ACCOUNTS["users"][self.number % len(ACCOUNTS["users"])]
        self.rng = random.Random(self.number)
        self.log_in()
        LOGGED_IN.append(self.number)
        START.wait()

    @task
    def work(self):
        elapsed_slices = int((time.monotonic() - RUN["started"]) / RUN["slice_seconds"])
        LANES[(self.number + elapsed_slices) % len(LANES)](self)

    def log_in(self):
        with self.client.get("/accounts/login/", name="login form", catch_response=True) as response:
            token = CSRF_FIELD.search(response.text or "")
            if not token:
                response.failure("no CSRF field on the login page")
                return
        fields = {"csrfmiddlewaretoken": token.group(1), "username": self.account["username"], "password": ACCOUNTS["password"]}
        with self.client.post("/accounts/login/", data=urlencode(fields), headers=FORM, name="login",
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"login answered {response.status_code}")

    def _page(self, url, name, rows=None):
        """GET a page that must answer 200 itself (a redirect means the session was lost) and show rows."""
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            elif rows is not None and not rows.search(response.text or ""):
                response.failure("the page shows no rows")

    def initiative_list(self):
        self._page(f"/movement/?unit={self.account['unit']}&year=2020&status=recognised", "initiative list (filtered)", INITIATIVE_LINK)

    def open_follow_ups(self):
        self._page("/oversight/follow-ups/mine/", "open follow-ups", FOLLOW_UP_LINK)

    def initiative_detail(self):
        self._page(f"/movement/{self.rng.choice(self.account['initiatives'])}/", "initiative detail")

    def stats_api(self):
        with self.client.get(f"/api/v1/initiatives/stats/?unit={self.account['unit']}", name="statistics API",
                             allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            elif not isinstance(response.json(), dict):
                response.failure("not a JSON object")

    def result_update(self):
        """POST a result on the detail page as its form does; the view answers 302 to the page whatever happens,
        so bench_load.py checks afterwards that every answered POST saved one row."""
        pk = self.rng.choice(self.account["initiatives"])
        date = datetime.date.today() - datetime.timedelta(days=self.rng.randint(0, 300))
        fields = {"csrfmiddlewaretoken": self._cookie("csrftoken"), "do": "result", "date": date.strftime("%d/%m/%Y"),
                  "text": f"Kết quả kiểm thử tải của {self.account['username']}", "beneficiaries": self.rng.randint(1, 300)}
        with self.client.post(f"/movement/{pk}/", data=urlencode(fields), headers=FORM, name="result update (POST)",
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302 or not response.headers.get("Location", "").endswith(f"/movement/{pk}/"):
                response.failure(f"{response.status_code} {response.headers.get('Location', '')}")
        # The page the redirect leads to would show and drop the message; drop it here so the cookie does not grow.
        self._drop_cookie("messages")

    def trivial_page(self):
        self._page(TRIVIAL_URL, "trivial page (static file)")

    def _cookie(self, name):
        return next((cookie.value for cookie in self.client.cookiejar if cookie.name == name), "")

    def _drop_cookie(self, name):
        for cookie in [cookie for cookie in self.client.cookiejar if cookie.name == name]:
            self.client.cookiejar.clear(cookie.domain, cookie.path, cookie.name)


LANES = [Official.initiative_list, Official.open_follow_ups, Official.initiative_detail,
         Official.stats_api, Official.result_update, Official.trivial_page]


def figures(entry, seconds):
    return {"name": entry.name, "requests": entry.num_requests, "errors": entry.num_failures,
            "rps": entry.num_requests / seconds if seconds else 0.0,
            **{f"p{percent}": entry.get_response_time_percentile(percent / 100) for percent in (50, 95, 99)}}


def snapshot(environment, seconds):
    stats = environment.stats
    return ([figures(entry, seconds) for entry in stats.entries.values() if entry.num_requests],
            [{"name": error.name, "method": error.method, "error": str(error.error), "occurrences": error.occurrences}
             for error in stats.errors.values()])


def run(host, users, seconds, spawn_rate):
    environment = Environment(user_classes=[Official], host=host, stop_timeout=300)
    runner = environment.create_local_runner()
    login_started = time.monotonic()
    runner.start(users, spawn_rate)
    while len(LOGGED_IN) < users:
        if time.monotonic() - login_started > 600:
            sys.exit(f"only {len(LOGGED_IN)} of {users} users logged in within 600 s")
        gevent.sleep(0.2)
    logins, login_errors = snapshot(environment, time.monotonic() - login_started)
    environment.stats.reset_all()
    RUN["started"] = time.monotonic()
    RUN["slice_seconds"] = max(1.0, seconds / (2 * len(LANES)))  # each kind visited about twice
    START.set()
    gevent.sleep(seconds)
    window = time.monotonic() - RUN["started"]
    runner.stop()  # users finish the request in hand; it is counted, the window is not stretched for it
    requests, errors = snapshot(environment, window)
    runner.quit()
    return {"window_seconds": window, "logins": logins, "requests": requests, "errors": login_errors + errors}


def main():
    host, accounts, users, seconds, spawn_rate, out = sys.argv[1:]
    setup_logging("WARNING")
    ACCOUNTS.update(json.loads(Path(accounts).read_text()))
    results = run(host, int(users), float(seconds), float(spawn_rate))
    Path(out).write_text(json.dumps(results))


if __name__ == "__main__":
    main()
