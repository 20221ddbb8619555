"""Who the demo writes as and the day its story has reached.

Every demo record is written by the services as the demo's system user, so it has its
status changes and audit entries like any official's record. Those are stamped with the
day of the story the writer has reached (``story.on(day)``), not the day the demo runs,
so that a 2018 mission shows a 2018 history.
"""

import collections
import contextlib
import dataclasses
import datetime
import functools

from auditlog.context import set_extra_data
from django.db.models.signals import post_save
from django.utils import timezone

from danvan.accounts.models import User
from danvan.core.choices import Role

SYSTEM_USERNAME = "he-thong-demo"
WORKDAY_START = datetime.time(8, 0)


def system_user():
    """The account the demo writes as: an administrator of the whole country that cannot log in."""
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"role": Role.ADMINISTRATOR, "first_name": "Hệ thống (dữ liệu mẫu)"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


@dataclasses.dataclass
class Story:
    user: User
    places: object = None
    day: datetime.date | None = None
    _ticks: collections.Counter = dataclasses.field(default_factory=collections.Counter)

    def on(self, day):
        """Writes from now on happen on ``day``."""
        self.day = day
        return self

    def now(self):
        """The moment of the next write: the story's day, one second after the previous write of that day."""
        if self.day is None:
            return timezone.now()
        self._ticks[self.day] += 1
        return morning(self.day) + datetime.timedelta(seconds=self._ticks[self.day])


@functools.cache
def morning(day):
    return timezone.make_aware(datetime.datetime.combine(day, WORKDAY_START))


@functools.cache
def _auto_now_add_fields(model):
    return [field.attname for field in model._meta.concrete_fields if getattr(field, "auto_now_add", False)]


@contextlib.contextmanager
def told(story):
    """Run the demo's writes as ``story.user``, dated by the story.

    auditlog's actor context names the user and takes the timestamp from the story for
    each entry. Creation stamps (``auto_now_add``: when a status change or a registration
    was entered) are real time on insert, so they are moved afterwards to the morning of the
    story's day, in one update per model and day (records of one day keep their order by id).
    """
    stamped = collections.defaultdict(list)  # (model, day) → ids

    def stamp(sender, instance, created, raw=False, **kwargs):
        if created and not raw and story.day is not None and _auto_now_add_fields(sender):
            stamped[sender, story.day].append(instance.pk)

    uid = f"danvan.demo.stamp.{id(story)}"
    post_save.connect(stamp, weak=False, dispatch_uid=uid)
    try:
        with set_extra_data({"actor": story.user, "timestamp": story.now}):
            yield story
    finally:
        post_save.disconnect(dispatch_uid=uid)
    for (model, day), ids in stamped.items():
        model._base_manager.filter(pk__in=ids).update(**dict.fromkeys(_auto_now_add_fields(model), morning(day)))
