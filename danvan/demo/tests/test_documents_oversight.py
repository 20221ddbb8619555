"""The demo issues the documents the seeds' officials issued after their missions and meeting, each on its day,
numbered from 01 in its issuer's register; building the demo again issues nothing more."""

import datetime

import pytest

from danvan.core.documents.models import Document
from danvan.demo import documents_oversight
from danvan.demo.story import Story, system_user, told
from danvan.demo.world import build_places
from danvan.oversight.models import Meeting, Mission

pytestmark = pytest.mark.django_db(transaction=True)

D = datetime.date


def test_the_seeds_notices_and_report_are_registered_on_their_days(demo_world):
    nam_can = Mission.objects.get(unit__name="Năm Căn", subject__startswith="Kiểm tra, nắm tình hình")
    giong_trom = Mission.objects.get(unit__name="Giồng Trôm", subject__startswith="Khảo sát 5 năm")
    kim_son = Meeting.objects.get(unit__name="Kim Sơn", title__startswith="Hội nghị giao ban")
    found = {(d.source_id, d.source_type.model, d.source_key): d for d in Document.objects.select_related("source_type", "issuer")}
    notice = found[nam_can.pk, "mission", "notice"]
    report = found[giong_trom.pk, "mission", ""]
    briefing = found[kim_son.pk, "meeting", "notice"]
    assert (notice.symbol, notice.issued_on, notice.issuer.name, notice.signer_name) == (
        "01-TB/BDVHU", D(2018, 10, 1), "Ban Dân vận Huyện ủy Năm Căn", "Tôn Nữ Hương Giang")
    assert (report.symbol, report.issued_on, report.issuer.name, report.signer_name) == (
        "01-BC/BDVHU", D(2018, 6, 11), "Ban Dân vận Huyện ủy Giồng Trôm", "Nguyễn Văn Hiền")
    assert (briefing.symbol, briefing.issued_on, briefing.issuer.name, briefing.signer_name, briefing.authority) == (
        "01-TB/HU", D(2018, 10, 3), "Huyện ủy Kim Sơn", "Hoàng Văn Thắng", "TM")
    # The header's two lines as 36-HD/VPTW writes them: the committee under its province's Party organisation,
    # the committee's organ under the committee, by its own name.
    assert (briefing.header["superior"], briefing.header["issuing_line"]) == ("Đảng bộ tỉnh Ninh Bình", "Huyện ủy Kim Sơn")
    assert (notice.header["superior"], notice.header["issuing_line"]) == ("Huyện ủy Năm Căn", "Ban Dân vận")
    count = Document.objects.count()
    with told(Story(system_user())) as story:
        story.places = build_places(story)
        documents_oversight.build(story)
    assert Document.objects.count() == count
