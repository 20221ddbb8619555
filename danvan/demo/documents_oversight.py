"""The documents the seeds' officials issued after their missions and meetings, registered on the day they were issued:
the Năm Căn inspection's conclusion notice, the Giồng Trôm survey's report (11/6/2018) and the Kim Sơn briefing's
conclusion notice (03/10/2018).

``build(story)`` is idempotent: each document is issued once per source, and a second run finds it registered.
"""

import datetime

from danvan.oversight import reports
from danvan.oversight.models import Meeting, Mission

D = datetime.date


def build(story):
    user, places = story.user, story.places
    nam_can = Mission.objects.get(unit=places.districts["Năm Căn"], subject__startswith="Kiểm tra, nắm tình hình")
    story.on(nam_can.ended_on)
    reports.mission_notice(user, nam_can, issued_on=nam_can.ended_on)
    story.on(D(2018, 6, 11))
    reports.mission_report(user, Mission.objects.get(unit=places.districts["Giồng Trôm"], subject__startswith="Khảo sát 5 năm"),
                           issued_on=D(2018, 6, 11))
    story.on(D(2018, 10, 3))
    reports.meeting_notice(user, Meeting.objects.get(unit=places.districts["Kim Sơn"], title__startswith="Hội nghị giao ban"),
                           issued_on=D(2018, 10, 3))
