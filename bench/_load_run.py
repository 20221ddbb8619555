"""The locust side of bench_load.py, in a process of its own because locust patches the interpreter (gevent).

    python bench/_load_run.py HOST ACCOUNTS_JSON USERS SECONDS SPAWN_RATE ALONE_SECONDS OUT_JSON

Officials log in through the login form one by one. Once every one is in, the run
has phases, each starting from zeroed statistics once the requests of the one before
have finished; each phase first warms up for a few seconds, and its figures are the
requests answered within its length after that (as wrk counts them):

- the mix, SECONDS long: every user visits every kind of request, by time, not by
  count: all work on one kind for a slice of the run, then move to the next, each
  user starting on a different kind, so each kind has the same number of users at
  any moment. Errors, latencies under a realistic mix, the writes among the reads.
- each kind alone, ALONE_SECONDS long, by every user (as wrk on one URL): its
  requests/s divided by the static file's is the share of the server's floor it
  gets. (In the mix that share tends to 1 whatever the page costs: with more users
  than threads every request waits in waitress's one queue, and the wait dominates.)

Writes each phase's figures, the logins' and every answer's count and error to OUT_JSON.
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
RUN = {}  # the phase: the kind done alone (None in the mix), when it started, how long a kind lasts in the mix
LOGGED_IN = []
GO = Event()  # cleared between phases: users finish the request in hand, then wait
IN_FLIGHT = []
TRIVIAL_URL = "/static/core/favicon.svg"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
INITIATIVE_LINK = re.compile(r'href="/movement/\d+/"')
FOLLOW_UP_LINK = re.compile(r'href="/oversight/follow-ups/\d+/"')
_numbers = itertools.count()


class Official(FastHttpUser):
    wait_time = constant(0)
    # 50 logins at once hash 50 passwords (about a second of CPU each, on purpose): locust's 60 s is too short.
    network_timeout = connection_timeout = 300.0

    def on_start(self):
        self.number = next(_numbers)
        self.account = ACCOUNTS["users"][self.number % len(ACCOUNTS["users"])]
        self.rng = random.Random(self.number)
        self.log_in()
        LOGGED_IN.append(self.number)

    @task
    def work(self):
        GO.wait()
        IN_FLIGHT.append(self.number)
        try:
            KINDS[self.kind_now()](self)
        finally:
            IN_FLIGHT.remove(self.number)

    def kind_now(self):
        if RUN["alone"] is not None:
            return RUN["alone"]
        elapsed_slices = int((time.monotonic() - RUN["started"]) / RUN["slice_seconds"])
        return (self.number + elapsed_slices) % len(KINDS)

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
        """POST the "report results" form of the initiative's page: 302 back to the page when saved, 200 when refused."""
        pk = self.rng.choice(self.account["initiatives"])
        date = datetime.date.today() - datetime.timedelta(days=self.rng.randint(0, 300))
        fields = {"csrfmiddlewaretoken": self._cookie("csrftoken"), "date": date.strftime("%d/%m/%Y"),
                  "text": f"Kết quả kiểm thử tải của {self.account['username']}", "beneficiaries": self.rng.randint(1, 300)}
        with self.client.post(f"/movement/{pk}/results/new/", data=urlencode(fields), headers=FORM, name="result update (POST)",
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302 or response.headers.get("Location") != f"/movement/{pk}/":
                response.failure(f"{response.status_code} {response.headers.get('Location', '')}")
        # The page the redirect leads to would show and drop the message; drop it here so the cookie does not grow.
        self._drop_cookie("messages")

    def inbox(self):
        self._page("/inbox/", "inbox")

    def trivial_page(self):
        self._page(TRIVIAL_URL, "trivial page (static file)")

    def _cookie(self, name):
        return next((cookie.value for cookie in self.client.cookiejar if cookie.name == name), "")

    def _drop_cookie(self, name):
        for cookie in [cookie for cookie in self.client.cookiejar if cookie.name == name]:
            self.client.cookiejar.clear(cookie.domain, cookie.path, cookie.name)


KINDS = [Official.trivial_page, Official.initiative_list, Official.open_follow_ups, Official.initiative_detail,
         Official.stats_api, Official.result_update, Official.inbox]


def figures(entry, seconds):
    return {"name": entry.name, "requests": entry.num_requests, "errors": entry.num_failures,
            "rps": entry.num_requests / seconds if seconds else 0.0,
            **{f"p{percent}": entry.get_response_time_percentile(percent / 100) for percent in (50, 95, 99)}}


def snapshot(environment, seconds):
    return [figures(entry, seconds) for entry in environment.stats.entries.values() if entry.num_requests]


def count_answers(totals, errors):
    """Every answer of the run, warm-ups and drains included (the statistics are zeroed per phase)."""
    def on_request(name, exception=None, **_):
        totals.setdefault(name, {"requests": 0, "errors": 0})
        totals[name]["requests"] += 1
        if exception:
            totals[name]["errors"] += 1
            key = f"{name}: {exception}"
            errors[key] = errors.get(key, 0) + 1
    return on_request


def wait_until(condition, what, limit=600):
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > limit:
            sys.exit(f"{what} did not happen within {limit} s")
        gevent.sleep(0.1)


def phase(environment, seconds, warm_up, alone=None, slice_seconds=None):
    """Figures of the requests answered within SECONDS after a warm-up (as wrk counts), then the requests in hand finish."""
    RUN.update(alone=alone, started=time.monotonic(), slice_seconds=slice_seconds)
    GO.set()
    gevent.sleep(warm_up)
    environment.stats.reset_all()
    measured_from = time.monotonic()
    gevent.sleep(seconds)
    rows = snapshot(environment, time.monotonic() - measured_from)
    GO.clear()
    wait_until(lambda: not IN_FLIGHT, "the end of the requests in hand")
    return rows


def run(host, users, seconds, spawn_rate, alone_seconds):
    environment = Environment(user_classes=[Official], host=host)
    totals, errors = {}, {}
    environment.events.request.add_listener(count_answers(totals, errors))
    runner = environment.create_local_runner()
    login_started = time.monotonic()
    runner.start(users, spawn_rate)
    wait_until(lambda: len(LOGGED_IN) == users, f"the login of {users} users")
    logins = snapshot(environment, time.monotonic() - login_started)
    warm_up = min(5.0, alone_seconds / 4)
    mix = phase(environment, seconds, warm_up, slice_seconds=max(1.0, seconds / (2 * len(KINDS))))  # each kind twice
    alone = [row for index in range(len(KINDS)) for row in phase(environment, alone_seconds, warm_up, alone=index)]
    environment.stop_timeout = None  # every user waits between phases with nothing in hand: stop them at once
    runner.quit()
    return {"logins": logins, "mix": {"seconds": seconds, "requests": mix}, "alone": {"seconds": alone_seconds, "requests": alone},
            "warm_up": warm_up, "totals": totals, "errors": errors}


def main():
    host, accounts, users, seconds, spawn_rate, alone_seconds, out = sys.argv[1:]
    setup_logging("WARNING")
    ACCOUNTS.update(json.loads(Path(accounts).read_text()))
    results = run(host, int(users), float(seconds), float(spawn_rate), float(alone_seconds))
    Path(out).write_text(json.dumps(results))


if __name__ == "__main__":
    main()
