"""The indicators real reports carry (seeds 000, 002, 003; the Front's and mass organisations' annexes), loaded by
the migrations ``0002_indicators`` and ``0003_members_computed``. Codes are stable: programs ask for them; a name may be reworded."""

from danvan.reporting.choices import Aggregation as A
from danvan.reporting.choices import Disaggregation as D
from danvan.reporting.choices import Source as S

# code, name, unit of measure, aggregation, source, disaggregations, {numerator/denominator/at_most: code}
INDICATORS = [
    ("movement.registered", "Mô hình, điển hình “Dân vận khéo” đăng ký", "mô hình", A.SUM, S.COMPUTED, [D.HOLDER, D.ORGANIZATION], {}),
    ("movement.recognised.commune", "Mô hình được công nhận cấp cơ sở", "mô hình", A.SUM, S.COMPUTED, [D.HOLDER],
     {"at_most": "movement.registered"}),
    ("movement.recognised.district", "Mô hình được công nhận cấp huyện", "mô hình", A.SUM, S.COMPUTED, [D.HOLDER],
     {"at_most": "movement.registered"}),
    ("movement.recognised.province", "Mô hình được công nhận cấp tỉnh", "mô hình", A.SUM, S.COMPUTED, [D.HOLDER],
     {"at_most": "movement.registered"}),
    ("awards.commended.collective", "Tập thể được khen thưởng", "tập thể", A.SUM, S.COMPUTED, [D.LEVEL], {}),
    ("awards.commended.individual", "Cá nhân được khen thưởng", "cá nhân", A.SUM, S.COMPUTED, [D.LEVEL, D.SEX], {}),
    ("oversight.missions", "Cuộc kiểm tra, giám sát, khảo sát đã thực hiện", "cuộc", A.SUM, S.COMPUTED, [D.ORGANIZATION], {}),
    ("oversight.recommendations", "Kiến nghị sau kiểm tra, giám sát, khảo sát", "kiến nghị", A.SUM, S.COMPUTED, [], {}),
    ("engagement.dialogues", "Cuộc đối thoại, tiếp xúc với Nhân dân", "cuộc", A.SUM, S.COMPUTED, [D.LEVEL], {}),
    ("engagement.petitions.received", "Kiến nghị, phản ánh tiếp nhận", "kiến nghị", A.SUM, S.COMPUTED, [], {}),
    ("engagement.petitions.settled", "Kiến nghị, phản ánh đã giải quyết", "kiến nghị", A.SUM, S.COMPUTED, [],
     {"at_most": "engagement.petitions.received"}),
    ("engagement.petitions.settled_rate", "Tỷ lệ kiến nghị, phản ánh đã giải quyết", "%", A.RATIO, S.COMPUTED, [],
     {"numerator": "engagement.petitions.settled", "denominator": "engagement.petitions.received"}),
    ("members.new", "Đoàn viên, hội viên phát triển mới", "người", A.SUM, S.COMPUTED, [D.ORGANIZATION, D.SEX], {}),
    ("members.total", "Tổng số đoàn viên, hội viên", "người", A.LATEST, S.COMPUTED, [D.ORGANIZATION, D.SEX], {}),
    ("members.eligible", "Đối tượng đủ điều kiện tập hợp vào tổ chức", "người", A.LATEST, S.ENTERED, [D.ORGANIZATION], {}),
    ("members.rate", "Tỷ lệ tập hợp đoàn viên, hội viên", "%", A.RATIO, S.COMPUTED, [D.ORGANIZATION],
     {"numerator": "members.total", "denominator": "members.eligible"}),
    ("democracy.conventions_reviewed", "Hương ước, quy ước được rà soát, bổ sung", "bản", A.SUM, S.ENTERED, [], {}),
    ("social.gratitude_fund", "Quỹ “Đền ơn đáp nghĩa – an sinh xã hội” vận động được", "triệu đồng", A.SUM, S.ENTERED, [], {}),
    ("social.poor_households_out", "Hộ thoát nghèo", "hộ", A.SUM, S.ENTERED, [], {}),
    ("front.supervisions", "Cuộc giám sát của Mặt trận, đoàn thể (QĐ 217-QĐ/TW)", "cuộc", A.SUM, S.ENTERED, [D.ORGANIZATION], {}),
    ("front.social_criticisms", "Cuộc phản biện xã hội (QĐ 218-QĐ/TW)", "cuộc", A.SUM, S.ENTERED, [D.ORGANIZATION], {}),
]


def load_indicators(indicator_model):
    """Create or update the catalogue's indicators by code (a migration passes its historical model)."""
    by_code = {}
    for order, (code, name, unit, aggregation, source, disaggregations, _links) in enumerate(INDICATORS, start=1):
        by_code[code], _ = indicator_model.objects.update_or_create(code=code, defaults={
            "name": name, "unit_of_measure": unit, "aggregation": aggregation, "source": source,
            "disaggregations": [str(item) for item in disaggregations], "order": order * 10})
    for code, *_fields, links in INDICATORS:
        if links:
            indicator_model.objects.filter(code=code).update(**{f"{name}_id": by_code[other].pk for name, other in links.items()})


def load_in_migration(apps, schema_editor):
    load_indicators(apps.get_model("reporting", "Indicator"))
