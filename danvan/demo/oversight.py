"""Seeds 000, 001 and 003 as records: the Năm Căn mission, the Giồng Trôm survey, the Kim Sơn briefing.

``build(story)`` is idempotent: each mission or meeting is looked up by its
unit and subject first, and a second run creates nothing. Each is written on the
day the seed gives it.
"""

import datetime

from danvan.demo import directives as demo_directives
from danvan.organizations.models import Organization
from danvan.oversight import services
from danvan.oversight.choices import FindingPart, FollowUpKind, MeetingKind, MissionKind
from danvan.oversight.models import FollowUp, Meeting, Mission
from danvan.people.models import Person

D = datetime.date
S, W, C = FindingPart.STRENGTH, FindingPart.SHORTCOMING, FindingPart.CAUSE


def _org(name):
    return Organization.objects.get(name=name)


def _person(name):
    return Person.objects.get(full_name=name)


def _follow_ups(user, source, owner_unit, owner_organization, texts, deadline=None, kind=FollowUpKind.RECOMMENDATION):
    for text in texts:
        field = "mission" if isinstance(source, Mission) else "meeting"
        services.assign_follow_up(user, FollowUp(kind=kind, text=text, owner_unit=owner_unit, owner_organization=owner_organization,
                                                 deadline=deadline, **{field: source}))


def build(story):
    directives = demo_directives.build(story)
    user, places = story.user, story.places
    story.on(D(2018, 6, 11))
    _giong_trom(user, places, directives)
    story.on(D(2018, 10, 1))
    _nam_can(user, places)
    story.on(D(2018, 10, 3))
    _kim_son(user, places, directives)


def _nam_can(user, places):
    district = places.districts["Năm Căn"]
    subject = "Kiểm tra, nắm tình hình thực hiện công tác Dân vận 9 tháng năm 2018 ở các xã, thị trấn"
    if Mission.objects.filter(unit=district, subject=subject).exists():
        return
    mission = services.plan_mission(user, Mission(
        kind=MissionKind.INSPECTION, subject=subject, unit=district, leading_organization=_org("Ban Dân vận Huyện ủy Năm Căn"),
        planned_start=D(2018, 10, 1),
        summary="Đoàn công tác làm việc với cấp uỷ, chính quyền, Mặt trận Tổ quốc và các đoàn thể các xã, thị trấn (ngày làm việc cụ thể không nêu trong tin).",
    ))
    services.add_member(user, mission, _person("Tôn Nữ Hương Giang"), is_leader=True)
    target = services.add_target(user, mission, places.communes["Hiệp Tùng"])
    services.start_mission(user, mission, D(2018, 10, 1))
    for part, text in [
        (S, "Tình hình kinh tế - xã hội ổn định; nhân dân tin tưởng vào sự lãnh đạo của Đảng, đồng tình, ủng hộ và thực hiện tốt các chủ trương của Đảng, chính sách, pháp luật của Nhà nước."),
        (S, "Công tác Dân vận được cấp uỷ, chính quyền quan tâm lãnh đạo, chỉ đạo kịp thời; nhiều nơi triển khai và nhân rộng mô hình “Dân vận khéo” khá tốt."),
        (S, "Phát triển mới 1.873 đoàn viên, hội viên, nâng tổng số toàn huyện lên 22.896 đoàn viên, hội viên."),
        (S, "Quy chế dân chủ ở cơ sở không ngừng mở rộng; nhiều nơi công khai trước dân những nội dung theo Pháp lệnh số 34-PL/UBTVQH."),
        (S, "Cơ sở cụ thể hoá Kế hoạch 17 của Ban Thường vụ Huyện ủy về xây dựng nông thôn mới, văn minh đô thị và giảm nghèo bền vững giai đoạn 2016 – 2020 phù hợp với thực tế."),
        (W, "Công tác dân vận ở một số nơi có mặt chưa đáp ứng được với yêu cầu; quản lý đoàn viên, hội viên từng lúc chưa chặt chẽ."),
        (W, "Phong trào thi đua “Dân vận khéo” nhân rộng chưa được nhiều; việc sơ kết, tổng kết rút kinh nghiệm các mô hình còn chậm."),
        (W, "Một số nội dung của chương trình phối hợp giữa các ngành từng lúc, từng nơi hiệu quả chưa cao."),
        (W, "Vai trò giám sát, phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể có nơi chưa rõ nét."),
    ]:
        services.record_finding(user, mission, part, text)
    services.record_finding(user, mission, S, "Mô hình tuyến đường hoa do Ban công tác Mặt trận ấp Kinh Mới thực hiện cần được nhân rộng trên các tuyến đường giao thông nông thôn ở các xóm, ấp.", target)
    services.conclude_mission(user, mission, D(2018, 10, 1))
    _follow_ups(user, mission, district, _org("Ủy ban MTTQ Việt Nam huyện Năm Căn"), [
        "Chỉ đạo thực hiện tốt mô hình “Dân vận khéo” đã chọn, tránh cách làm hình thức.",
        "Giảm nghèo bền vững: tập trung giải pháp đồng bộ, có tính bền vững cao; hướng dẫn cách làm cụ thể để tạo mô hình sản xuất hiệu quả, thoát nghèo, nâng cao thu nhập.",
        "Xây dựng nông thôn mới: phát huy vai trò tuyên truyền, vận động nhân dân; nơi có điều kiện phát động trồng cây xanh, trồng hoa trên trục lộ chính về trung tâm xã, huyện và tuyến lộ trong xóm, ấp.",
        "Tiếp tục thực hiện tốt quy chế dân chủ ở cơ sở.",
        "Nâng cao chất lượng các cuộc giám sát, phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể.",
        "Tạo điều kiện cho nhân dân góp ý xây dựng Đảng, chính quyền, nhất là các nội dung liên quan đến Đại hội đảng bộ cơ sở, tiến tới Đại hội Đại biểu Đảng bộ huyện lần thứ XII, nhiệm kỳ 2020-2025.",
    ], deadline=D(2019, 12, 31))


def _giong_trom(user, places, directives):
    district, commune = places.districts["Giồng Trôm"], places.communes["Mỹ Thạnh"]
    subject = "Khảo sát 5 năm thực hiện Chương trình hành động số 20 của Huyện ủy về thực hiện Nghị quyết số 25-NQ/TW và Quy định số 106 của Ban Thường vụ Huyện ủy"
    found = Mission.objects.filter(unit=district, subject=subject).first()
    if found:
        return found
    mission = services.plan_mission(user, Mission(
        kind=MissionKind.SURVEY, subject=subject, unit=district, leading_organization=_org("Ban Dân vận Huyện ủy Giồng Trôm"),
        planned_start=D(2018, 6, 11), planned_end=D(2018, 6, 11),
    ), directives=[directives["20"], directives["25"], directives["106"]])
    services.add_member(user, mission, _person("Nguyễn Văn Hiền"), is_leader=True)
    target = services.add_target(user, mission, commune, _org("Đảng ủy xã Mỹ Thạnh"), received_by=_person("Nguyễn Hoàng Thái"))
    services.start_mission(user, mission, D(2018, 6, 11))
    for part, text in [
        (S, "Đảng ủy quan tâm lãnh đạo cụ thể hóa Chương trình hành động số 20 của Huyện ủy bằng chương trình hành động số 13-CT/ĐU ngày 29/8/2013; công tác dân vận có sự vào cuộc của cả hệ thống chính trị."),
        (S, "Xây dựng kế hoạch và khắc phục hạn chế, khuyết điểm sau kiểm điểm theo Nghị quyết Trung ương 4 (khóa XI, khóa XII) đạt kết quả tích cực."),
        (S, "Phân công Đảng ủy viên phụ trách chi bộ, đảng viên phụ trách tổ nhân dân tự quản; đoàn viên, hội viên làm nòng cốt trong Ban đại diện tổ nhân dân tự quản."),
        (S, "Tổ chức đối thoại giữa Bí thư Đảng ủy với nhân dân; kịp thời giải quyết yêu cầu chính đáng của nhân dân; các vụ việc bức xúc như chợ Mỹ Lồng, lò bún ở ấp Nghĩa Huấn được quan tâm giải quyết kịp thời."),
        (S, "Lãnh đạo thực hiện Chỉ thị số 16-CT/TU về “Đồng khởi mới” gắn với các mô hình dân vận khéo; công tác dân vận chính quyền có bước chuyển biến gắn với quy chế dân chủ cơ sở."),
        (S, "Đảng ủy quan tâm lãnh đạo thực hiện Quyết định 106 của Huyện ủy; phân công cán bộ phụ trách công tác dân vận của Ủy ban nhân dân xã."),
        (W, "Triển khai Chương trình hành động số 20 của Huyện ủy chưa sâu rộng."),
        (W, "Lãnh đạo hoạt động của Mặt trận, các đoàn thể chưa thật sự đổi mới về nội dung và phương thức hoạt động."),
        (W, "Vai trò tham mưu của Mặt trận, các đoàn thể, ngành còn hạn chế, chưa sát dân; chưa xác định rõ nhiệm vụ công tác dân vận nên lúng túng trong thực hiện."),
        (W, "Phối hợp thực hiện công tác giám sát theo Quyết định 217-QĐ/TW của Bộ Chính trị còn lúng túng."),
        (W, "Hoạt động của Ban Giám sát đầu tư cộng đồng, chi tổ hội đoàn thể, tổ nhân dân tự quản một số ấp còn hạn chế; dân chủ cơ quan chưa phát huy đầy đủ."),
        (W, "Một bộ phận người dân còn thờ ơ, ít tham gia các phong trào, còn mang tính trông chờ, thụ hưởng."),
        (W, "Phân công cán bộ trực tiếp công tác dân vận của Ủy ban nhân dân xã chưa đúng theo quy chế."),
    ]:
        services.record_finding(user, mission, part, text, target)
    services.conclude_mission(user, mission, D(2018, 6, 11))
    _follow_ups(user, mission, commune, _org("Đảng ủy xã Mỹ Thạnh"), [
        "Tiếp tục quán triệt và thực hiện sâu rộng Nghị quyết số 25-NQ/TW, nhất là 7 nhiệm vụ, giải pháp trong Chương trình hành động số 20 của Huyện ủy; cụ thể hóa vào nghị quyết của cấp ủy hàng năm.",
        "Bảo đảm chế độ làm việc định kỳ theo quy chế hàng quý, sáu tháng, năm với khối vận, Mặt trận, các đoàn thể.",
        "Thực hiện tốt công tác dân vận chính quyền và quy chế dân chủ cơ sở theo Pháp lệnh 34 của Ủy ban Thường vụ Quốc hội, Nghị định 04 của Chính phủ.",
        "Phối hợp thực hiện kế hoạch công tác dân vận giữa chính quyền với khối vận, Mặt trận, các đoàn thể; phân công rõ cơ quan chủ trì, cơ quan phối hợp.",
        "Thực hiện đúng quy trình giám sát, phản biện xã hội, góp ý xây dựng Đảng, chính quyền theo Quyết định 217, 218 của Bộ Chính trị.",
        "Hàng năm xây dựng kế hoạch và tổ chức cho người đứng đầu cấp ủy, chính quyền đối thoại trực tiếp với nhân dân theo Quyết định 2242-QĐ/TU ít nhất 01 lần.",
        "Đẩy mạnh phong trào thi đua “Đồng khởi mới”, “Đồng khởi khởi nghiệp phát triển doanh nghiệp” gắn với các mô hình dân vận khéo.",
        "Phân công đồng chí Chủ tịch Ủy ban nhân dân xã phụ trách công tác dân vận chính quyền theo Quyết định 106 của Huyện ủy.",
    ])
    return mission


def _kim_son(user, places, directives):
    district = places.districts["Kim Sơn"]
    title = "Hội nghị giao ban công tác dân vận 9 tháng đầu năm, nhiệm vụ trọng tâm 3 tháng cuối năm 2018"
    if Meeting.objects.filter(unit=district, title=title).exists():
        return
    meeting = services.record_meeting(user, Meeting(
        kind=MeetingKind.BRIEFING, title=title, unit=district, organization=_org("Huyện ủy Kim Sơn"), held_on=D(2018, 10, 3),
        chair=_person("Hoàng Văn Thắng"),
        summary="9 tháng đầu năm 2018, công tác dân vận của hệ thống chính trị trong huyện tiếp tục được duy trì và có đổi mới với trọng tâm hướng về cơ sở.",
        conclusions=("Hạn chế: việc triển khai giám sát theo Quyết định số 217-QĐ/TW ở một số cơ sở còn hạn chế; kết quả năm dân vận chính quyền 2018 chưa rõ nét; "
                     "một số cấp ủy, chính quyền và người đứng đầu chưa quan tâm đúng mức tới công tác dân vận. "
                     "Cấp ủy, chính quyền, khối dân vận từ huyện đến cơ sở tiếp tục quán triệt, thực hiện các nghị quyết, chỉ thị của Đảng, Nhà nước, Tỉnh ủy, Huyện ủy."),
    ), directives=[directives["217-kim-son"], directives["911"], directives["120"], directives["61"]])
    for name in ("Ngô Văn Tuyến", "Hoàng Văn Phương", "Dương Thị Hà"):
        services.add_attendee(user, meeting, _person(name))
    end_of_year = D(2018, 12, 31)
    front, government, party = _org("Ủy ban MTTQ Việt Nam huyện Kim Sơn"), _org("UBND huyện Kim Sơn"), _org("Huyện ủy Kim Sơn")
    _follow_ups(user, meeting, district, front, [
        "Chuẩn bị tốt các điều kiện để tổ chức đại hội MTTQ cấp cơ sở và cấp huyện, nhiệm kỳ 2019-2024.",
        "Xây dựng kế hoạch giám sát năm 2019.",
    ], end_of_year, FollowUpKind.TASK)
    _follow_ups(user, meeting, district, government, [
        "Phối hợp vận động thực hiện công tác tuyển quân năm 2019.",
        "Rà soát hộ nghèo, hộ cận nghèo năm 2019.",
        "Chỉ đạo rà soát bổ sung hương ước, quy ước.",
    ], end_of_year, FollowUpKind.TASK)
    _follow_ups(user, meeting, district, party, [
        "Củng cố, kiện toàn Ban Chỉ đạo thực hiện Đề án 61.",
        "Tiếp tục thực hiện nghiêm túc Thông báo số 911-TB/TU ngày 14/3/2018 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 120-KH/HU ngày 17/7/2018 của Huyện ủy.",
        "Đẩy mạnh các phong trào thi đua hướng tới kỷ niệm 190 năm thành lập huyện, 65 năm giải phóng huyện Kim Sơn; vận động xây dựng Quỹ “Đền ơn đáp nghĩa - an sinh xã hội”.",
        "Xây dựng điểm mô hình “Cửa hàng thực phẩm sạch”; thực hiện có hiệu quả phong trào thi đua “Dân vận khéo”.",
    ], end_of_year, FollowUpKind.TASK)

