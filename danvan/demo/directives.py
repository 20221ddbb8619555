"""The directives the seed texts cite, with the implementation chains they state, the obligation of 2242-QĐ/TU and
the monthly reception days of Kết luận 215-KL/TW (``receptions``)."""

import datetime

from danvan.core.choices import Level
from danvan.core.services import save_record
from danvan.demo import receptions
from danvan.demo.world import ENTERED
from danvan.directives import services
from danvan.directives.choices import DirectiveType as T
from danvan.directives.choices import ObligationKind
from danvan.directives.models import Directive, Implementation, Obligation
from danvan.directives.symbols import parse_symbol, symbol_key

D = datetime.date


def directive(story, unit, doc_type=None, number=None, issuer="", symbol="", issued_on=None, issuer_name="", subject="", implements=None):
    """Find the directive in the unit's register by its symbol, else register it (so a second run creates nothing);
    it enters the register when it is issued, or when the demo's officials start their registers."""
    key = parse_symbol(symbol).key if symbol else symbol_key(number or "", doc_type, issuer)
    found = Directive.objects.filter(unit=unit, symbol_key=key).first()
    if found is not None:
        return found
    story.on(max(issued_on or ENTERED, ENTERED))
    record = Directive(unit=unit, doc_type=doc_type or "", number=number, issuer_code=issuer, issued_on=issued_on,
                       issuer_name=issuer_name, subject=subject)
    return services.register_directive(story.user, record, symbol=symbol, implements=implements)


def implemented(story, parent, unit, description, on=None):
    if not Implementation.objects.filter(directive=parent, unit=unit, document=None).exists():
        story.on(max(on or ENTERED, ENTERED))
        services.record_implementation(story.user, parent, unit, implemented_on=on, description=description)


def build(story):
    """Returns the directives by a short name, for the missions and meetings to cite."""
    places = story.places
    giong_trom, my_thanh = places.districts["Giồng Trôm"], places.communes["Mỹ Thạnh"]
    ben_tre, nam_can, kim_son = places.provinces["Bến Tre"], places.districts["Năm Căn"], places.districts["Kim Sơn"]
    ninh_binh = places.provinces["Ninh Bình"]
    d = {}
    d["25"] = directive(story, giong_trom, symbol="25-NQ/TW", issued_on=D(2013, 6, 3), issuer_name="Ban Chấp hành Trung ương Đảng",
                        subject="Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới")
    d["20"] = directive(story, giong_trom, T.PROGRAMME, 20, "Huyện ủy", issuer_name="Huyện ủy Giồng Trôm",
                        subject="Chương trình hành động thực hiện Nghị quyết số 25-NQ/TW", implements=d["25"])
    d["13"] = directive(story, my_thanh, symbol="13-CT/ĐU", issued_on=D(2013, 8, 29), issuer_name="Đảng ủy xã Mỹ Thạnh",
                        subject="Chương trình hành động cụ thể hóa Chương trình hành động số 20 của Huyện ủy", implements=d["20"])
    d["106"] = directive(story, giong_trom, T.REGULATION, 106, "Ban Thường vụ Huyện ủy", issuer_name="Ban Thường vụ Huyện ủy Giồng Trôm",
                         subject="Về việc ban hành Quy chế công tác dân vận trong hệ thống chính trị")
    for place, key in ((giong_trom, "217"), (kim_son, "217-kim-son")):
        d[key] = directive(story, place, symbol="217-QĐ/TW", issued_on=D(2013, 12, 12), issuer_name="Bộ Chính trị",
                           subject="Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội")
    d["218"] = directive(story, giong_trom, symbol="218-QĐ/TW", issued_on=D(2013, 12, 12), issuer_name="Bộ Chính trị",
                         subject="Quy định về việc Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội và nhân dân tham gia góp ý xây dựng Đảng, xây dựng chính quyền")
    d["2242"] = directive(story, ben_tre, symbol="2242-QĐ/TU", issuer_name="Tỉnh ủy Bến Tre",
                          subject="Người đứng đầu cấp ủy, chính quyền đối thoại trực tiếp với nhân dân")
    d["16"] = directive(story, ben_tre, symbol="16-CT/TU", issuer_name="Ban Thường vụ Tỉnh ủy Bến Tre", subject="Về “Đồng khởi mới”")
    d["34"] = directive(story, giong_trom, symbol="34-PL/UBTVQH", issuer_name="Ủy ban Thường vụ Quốc hội",
                        subject="Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn")
    d["34-nam-can"] = directive(story, nam_can, symbol="34-PL/UBTVQH", issuer_name="Ủy ban Thường vụ Quốc hội",
                                subject="Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn")
    d["04"] = directive(story, giong_trom, T.DECREE, 4, "Chính phủ", issuer_name="Chính phủ",
                        subject="Về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập")
    d["17"] = directive(story, nam_can, T.PLAN, 17, "Ban Thường vụ Huyện ủy", issuer_name="Ban Thường vụ Huyện ủy Năm Căn",
                        subject="Phối hợp thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới, văn minh đô thị và giảm nghèo bền vững giai đoạn 2016 – 2020")
    implemented(story, d["17"], places.communes["Hiệp Tùng"], "Cấp ủy, chính quyền, Mặt trận và các đoàn thể xã cụ thể hóa Kế hoạch 17 phù hợp với tình hình thực tế của địa phương.")
    d["911"] = directive(story, ninh_binh, symbol="911-TB/TU", issued_on=D(2018, 3, 14), issuer_name="Ban Thường vụ Tỉnh ủy Ninh Bình",
                         subject="Bố trí, sắp xếp đội ngũ hoạt động không chuyên trách ở cấp xã và ở thôn, xóm, khối, phố")
    d["120"] = directive(story, kim_son, symbol="120-KH/HU", issued_on=D(2018, 7, 17), issuer_name="Huyện ủy Kim Sơn",
                         subject="Triển khai thực hiện việc bố trí, sắp xếp đội ngũ hoạt động không chuyên trách ở cấp xã và ở thôn, xóm, khối, phố trên địa bàn huyện",
                         implements=d["911"])
    d["61"] = directive(story, kim_son, T.SCHEME, 61, "", subject="Đề án 61 (Ban Chỉ đạo thực hiện Đề án 61 được củng cố, kiện toàn)")
    d["2242-obligation"] = _dialogue_obligation(story, d["2242"])
    d["215"] = directive(story, places.current_ca_mau, symbol="215-KL/TW", issued_on=D(2025, 11, 23), issuer_name="Bộ Chính trị",
                         subject="Về công tác tiếp công dân của người đứng đầu cấp ủy, chính quyền")
    d["215-province"], d["215-commune"] = receptions.obligations(story, d["215"])
    receptions.build(story)
    return d


def _dialogue_obligation(story, decision):
    title = "Người đứng đầu cấp ủy, chính quyền đối thoại trực tiếp với nhân dân ít nhất 01 lần/năm"
    found = Obligation.objects.filter(directive=decision, title=title).first()
    story.on(ENTERED)
    return found or save_record(story.user, Obligation(
        directive=decision, title=title, kind=ObligationKind.DIALOGUE, level=Level.COMMUNE, period_years=1, times=1, first_year=2018,
    ))


