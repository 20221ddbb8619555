"""Seed 001 as engagement records: xã Mỹ Thạnh's Party secretary's dialogue with the people, the petitions raised
there, and the two pressing matters the survey of 11/6/2018 found settled in time (chợ Mỹ Lồng, the lò bún at ấp
Nghĩa Huấn); no denunciation. The dialogue meets 2242-QĐ/TU for 2018 by itself (``engagement.queries.dialogues_held``).

The seed gives neither the dialogue's day nor its figures: both are a plausible reading before the survey, said so in
the summary. ``build(story)`` is idempotent: each record is looked up by its natural key first.
"""

import datetime

from danvan.engagement import services
from danvan.engagement.choices import Channel, DialogueKind
from danvan.engagement.catalogues import seed_catalogues
from danvan.engagement.models import Dialogue, HotCase, Petition, PetitionField, PetitionKind
from danvan.organizations.models import Organization
from danvan.people.models import Person

D = datetime.date
DIALOGUE_DAY = D(2018, 4, 20)
SECRETARY = "Nguyễn Hoàng Thái"

CASES = [
    # name, description, opened, timeline (day, text), settled, settlement
    ("Vụ chợ Mỹ Lồng",
     "Tiểu thương và người dân phản ánh việc sắp xếp, bố trí điểm buôn bán tại chợ Mỹ Lồng gây bức xúc.",
     D(2018, 3, 12),
     [(D(2018, 3, 15), "Đảng ủy chỉ đạo Ủy ban nhân dân xã kiểm tra thực tế tại chợ, gặp gỡ các hộ tiểu thương để nắm tình hình."),
      (D(2018, 4, 20), "Bí thư Đảng ủy xã trả lời, tiếp thu ý kiến của nhân dân về chợ Mỹ Lồng tại buổi đối thoại.")],
     D(2018, 5, 10),
     "Ủy ban nhân dân xã sắp xếp lại điểm buôn bán, công khai phương án trước dân; tiểu thương đồng tình, ổn định hoạt động."),
    ("Vụ lò bún ở ấp Nghĩa Huấn",
     "Người dân ấp Nghĩa Huấn phản ánh lò bún xả nước thải, gây ô nhiễm môi trường khu dân cư.",
     D(2018, 3, 20),
     [(D(2018, 3, 23), "Ủy ban nhân dân xã cùng Ban nhân dân ấp Nghĩa Huấn kiểm tra hiện trạng xả thải của lò bún."),
      (D(2018, 4, 20), "Bí thư Đảng ủy xã trả lời ý kiến của nhân dân ấp Nghĩa Huấn về lò bún tại buổi đối thoại.")],
     D(2018, 5, 25),
     "Chủ lò bún cam kết và hoàn thành hệ thống xử lý nước thải; người dân không còn phản ánh."),
]

PETITIONS = [
    # case name, unit key (commune or hamlet), kind, field, content, answer, answered on
    ("Vụ chợ Mỹ Lồng", None, "Kiến nghị", "Hạ tầng",
     "Kiến nghị sắp xếp lại điểm buôn bán tại chợ Mỹ Lồng cho hợp lý, bảo đảm trật tự và quyền lợi của tiểu thương.",
     "Ủy ban nhân dân xã sắp xếp lại điểm buôn bán tại chợ Mỹ Lồng và công khai phương án trước dân.", D(2018, 5, 4)),
    ("Vụ lò bún ở ấp Nghĩa Huấn", "Nghĩa Huấn", "Phản ánh", "Môi trường",
     "Phản ánh lò bún ở ấp Nghĩa Huấn xả nước thải chưa qua xử lý, gây ô nhiễm môi trường khu dân cư.",
     "Ủy ban nhân dân xã yêu cầu chủ lò bún xây dựng hệ thống xử lý nước thải, kiểm tra đến khi hoàn thành.", D(2018, 5, 4)),
]


def build(story):
    seed_catalogues(PetitionField, PetitionKind)
    places = story.places
    commune = places.communes["Mỹ Thạnh"]
    secretary = Person.objects.get(full_name=SECRETARY)
    bodies = {o.name: o for o in Organization.objects.filter(unit=commune)}
    cases = {name: _case(story, commune, secretary, name, description, opened_on, events)
             for name, description, opened_on, events, _settled_on, _settlement in CASES}
    dialogue = _dialogue(story, commune, secretary, bodies)
    government = bodies["UBND xã Mỹ Thạnh"]
    for case_name, hamlet, *rest in PETITIONS:
        unit = places.hamlets[hamlet] if hamlet else commune
        _petition(story, dialogue, unit, government, cases[case_name], *rest)
    for name, _description, _opened, _events, settled_on, settlement in CASES:
        case = cases[name]
        if not case.settled:
            story.on(settled_on)
            services.settle_case(story.user, case, settlement, on=settled_on)
    return dialogue


def _case(story, commune, leader, name, description, opened_on, events):
    found = HotCase.objects.filter(unit=commune, name=name).first()
    if found is not None:
        return found
    story.on(opened_on)
    case = services.record_case(story.user, HotCase(unit=commune, name=name, description=description, leader=leader, opened_on=opened_on))
    for day, text in events:
        story.on(day)
        services.add_case_event(story.user, case, text, on=day)
    return case


def _dialogue(story, commune, secretary, bodies):
    found = Dialogue.objects.filter(unit=commune, chair=secretary, date=DIALOGUE_DAY).first()
    if found is not None:
        return found
    story.on(DIALOGUE_DAY)
    return services.record_dialogue(story.user, Dialogue(
        kind=DialogueKind.PERIODIC, unit=commune, chair=secretary, date=DIALOGUE_DAY, place="Hội trường Ủy ban nhân dân xã Mỹ Thạnh",
        participants=120, opinions_raised=14, opinions_answered=12,
        summary=("Đối thoại giữa Bí thư Đảng ủy xã với nhân dân theo Quyết định 217-QĐ/TW của Bộ Chính trị và Quyết định 2242-QĐ/TU "
                 "của Tỉnh ủy; nhân dân nêu ý kiến về chợ Mỹ Lồng và lò bún ở ấp Nghĩa Huấn, các yêu cầu chính đáng được giải quyết kịp thời. "
                 "(Tin ngày 11/6/2018 không nêu ngày đối thoại và số liệu: ngày và số liệu ở đây là dữ liệu mẫu.)"),
    ), organizations=[bodies["Đảng ủy xã Mỹ Thạnh"], bodies["UBND xã Mỹ Thạnh"], bodies["Ủy ban MTTQ Việt Nam xã Mỹ Thạnh"]])


def _petition(story, dialogue, unit, body, case, kind, field, content, answer, answered_on):
    if dialogue.petitions.filter(content=content).exists():
        return
    story.on(dialogue.date)
    petition = services.record_petition(story.user, Petition(
        unit=unit, channel=Channel.DIALOGUE, dialogue=dialogue, kind=PetitionKind.objects.get(name=kind),
        field=PetitionField.objects.get(name=field), content=content, received_on=dialogue.date, assigned_to=body,
    ))
    services.accept_petition(story.user, petition, on=dialogue.date)
    services.link_petition(story.user, petition, case)
    story.on(answered_on)
    services.answer_petition(story.user, petition, answer, on=answered_on)
