"""Each rule on short texts, including texts where it must not fire."""

import unicodedata

import pytest

from danvan.ingest.extraction import extract_text, extract_with_spans


def units(text):
    return {(u["level"], u["name"]) for u in extract_text(text)["units"]}


def people(text):
    return {p["name"]: p["titles"] for p in extract_text(text)["people"]}


def documents(text):
    return {(d["type"], d["number"]): (d["date"], d["issuer"]) for d in extract_text(text)["documents"]}


def initiatives(text):
    return {i["name"]: i["owner"] for i in extract_text(text)["initiatives"]}


def figures(text):
    return {(f["value"], f["unit"]) for f in extract_text(text)["figures"]}


def dates(text):
    return extract_text(text)["event_dates"]


# Units

def test_unit_level_word_and_official_name():
    assert units("Đoàn làm việc tại xã Hiệp Tùng, huyện Năm Căn, tỉnh Cà Mau.") == {
        ("xã", "Hiệp Tùng"), ("huyện", "Năm Căn"), ("tỉnh", "Cà Mau")}


def test_unit_level_carries_over_a_list():
    assert units("Các xã Duy Châu, Duy Hòa và Duy Phú đã hoàn thành.") == {
        ("xã", "Duy Châu"), ("xã", "Duy Hòa"), ("xã", "Duy Phú")}
    assert units("Người dân ấp Tân Quy và Tân Hòa tham gia.") == {("ấp", "Tân Quy"), ("ấp", "Tân Hòa")}


def test_shared_level_words_name_only_the_last():
    assert units("làm việc với các xã, thị trấn Năm Căn") == {("thị trấn", "Năm Căn")}


def test_level_word_without_name_is_not_a_unit():
    assert units("Toàn huyện có nhiều mô hình; các xã, ấp tích cực hưởng ứng.") == set()


def test_numbered_hamlets_and_wards():
    assert units("Chi hội ấp 3, khóm 5, tổ dân phố 12 và khu phố 4 của Phường 9.") == {
        ("ấp", "3"), ("khóm", "5"), ("tổ dân phố", "12"), ("khu phố", "4"), ("phường", "9")}


def test_unit_inside_an_organisation_name_counts():
    assert units("Chi hội Nông dân ấp Xẻo Kè thực hiện mô hình.") == {("ấp", "Xẻo Kè")}


@pytest.mark.parametrize("text", [
    "Huyện ủy Tân Phước tổ chức hội nghị.",
    "Thành ủy Rạch Giá chỉ đạo.",
    "Xã đoàn Long Hòa ra quân.",
    "Hợp tác xã Tân Phú hoạt động hiệu quả.",
    "Nông dân trồng khóm Cầu Đúc cho thu nhập khá.",
    "Đại diện Tỉnh Đoàn phát biểu.",
    "Ban hành văn bản Hướng dẫn thực hiện.",
])
def test_homonyms_and_bodies_are_not_units(text):
    assert units(text) == set()


def test_position_word_before_hamlet_is_a_title_not_a_unit():
    assert units("Ông Nguyễn Văn Tám, Trưởng ấp Phong Điền, phát biểu.") == set()


def test_commune_names_are_checked_against_the_official_lists():
    # "Hạnh Phúc Xanh" is not a commune; "Long Hoà" is "Long Hòa" in the old tone placement.
    assert units("tại xã Hạnh Phúc Xanh và xã Long Hoà") == {("xã", "Long Hoà")}


def test_letterhead_in_capitals_names_the_unit():
    assert units("ỦY BAN NHÂN DÂN HUYỆN GIỒNG TRÔM\nQUYẾT ĐỊNH") == {("huyện", "Giồng Trôm")}


def test_misencoded_capital_d_is_repaired():
    assert units("Hội nghị tại xã Thạnh \u00d0ông A") == {("xã", "Thạnh Đông A")}


# People

def test_person_after_honorific_with_titles_split():
    assert people("bà Tôn Nữ Hương Giang, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy, "
                  "Chủ tịch Ủy ban MTTQ Việt Nam huyện lưu ý") == {
        "Tôn Nữ Hương Giang": ["Ủy viên Ban Thường vụ", "Trưởng Ban Dân vận Huyện ủy", "Chủ tịch Ủy ban MTTQ Việt Nam huyện"]}


def test_titles_split_at_dashes_and_abbreviations_kept():
    assert people("đồng chí Phạm Văn Út – HUV, Trưởng Ban Dân vận Huyện ủy- Phó Chủ tịch UBND huyện; ") == {
        "Phạm Văn Út": ["HUV", "Trưởng Ban Dân vận Huyện ủy", "Phó Chủ tịch UBND huyện"]}


def test_glued_name_is_repaired():
    assert "Nguyễn Văn Hiền" in people("Qua buổi khảo sát đồng chí NguyễnVăn Hiền, Trưởng Ban Dân vận nhận xét.")


def test_position_before_a_family_name_marks_a_person():
    assert people("quan điểm của Chủ tịch Hồ Chí Minh về công tác dân vận") == {"Hồ Chí Minh": ["Chủ tịch"]}
    assert people("Lễ Quốc tang đồng chí Đại tướng Trần Đại Quang, Ủy viên Bộ Chính trị, hoạt động") == {
        "Trần Đại Quang": ["Đại tướng", "Ủy viên Bộ Chính trị"]}


def test_family_name_alone_is_not_enough():
    assert people("Thành phố Hồ Chí Minh và Đoàn TNCS Hồ Chí Minh phối hợp tổ chức.") == {}


def test_byline_at_the_end():
    assert people("Hội nghị kết thúc tốt đẹp.\nTin và ảnh Minh Sửa\nVăn phòng Huyện uỷ Năm Căn") == {"Minh Sửa": []}
    assert people("Hội nghị kết thúc tốt đẹp.\nNgô Quyền-Văn phòng Huyện ủy") == {"Ngô Quyền": []}


def test_source_line_and_place_date_line_are_not_bylines():
    assert people("Hội nghị kết thúc.\nGiồng Trôm, ngày 20 tháng 11 năm 2024\nNguồn: Báo Cà Mau") == {}


def test_later_short_mention_is_the_same_person():
    assert list(people("Tham dự có ông Lê Văn Minh, Phó Trưởng Ban Dân vận. Theo ông Văn Minh, kết quả tốt. Ông Minh nói thêm.")) == ["Lê Văn Minh"]


def test_name_cut_off_by_the_end_of_text_is_dropped():
    assert people("Phát biểu tại buổi lễ, đồng chí Nguyễn Thanh") == {}


@pytest.mark.parametrize("text", [
    "đồng chí Phó Bí thư Huyện ủy nhấn mạnh nhiệm vụ.",
    "Đoàn công tác đến tỉnh Bà Rịa - Vũng Tàu, thăm Bà Đen.",
])
def test_positions_and_places_are_not_people(text):
    assert people(text) == {}


# Documents

@pytest.mark.parametrize("text, expected", [
    ("thực hiện Nghị quyết số 35-NQ/TW", ("Nghị quyết", "35-NQ/TW")),
    ("theo Quyết định 102-QĐ/TU", ("Quyết định", "102-QĐ/TU")),
    ("ban hành Kế hoạch số 05-KH/ĐU", ("Kế hoạch", "05-KH/ĐU")),
    ("thực hiện Chỉ thị 13-CT/DU", ("Chỉ thị", "13-CT/DU")),
    ("theoNghị quyết số 25-NQ/TW", ("Nghị quyết", "25-NQ/TW")),
    ("căn cứ Nghị định số 98/2023/NĐ-CP", ("Nghị định", "98/2023/NĐ-CP")),
    ("theo Quyết định 217của Bộ Chính trị", ("Quyết định", "217")),
])
def test_document_symbol_grammar(text, expected):
    assert set(documents(text)) == {expected}


def test_date_and_issuer_of_a_citation():
    assert documents("Thực hiện Công văn số 1029-CV/TU, ngày 06-02-2020 của Ban Thường vụ Tỉnh ủy về lãnh đạo") == {
        ("Công văn", "1029-CV/TU"): ("2020-02-06", "Ban Thường vụ Tỉnh ủy")}


def test_number_lists_are_several_documents():
    assert set(documents("theo Quyết định 217, 218 của Bộ Chính trị")) == {("Quyết định", "217"), ("Quyết định", "218")}
    assert set(documents("Nghị quyết số 23, 24, 25")) == {("Nghị quyết", "23"), ("Nghị quyết", "24"), ("Nghị quyết", "25")}


def test_citation_with_and_without_symbol_is_one_document():
    assert set(documents("Quyết định 217 của Bộ Chính trị ... Quyết định 217-QĐ/TW của Bộ Chính trị")) == {("Quyết định", "217-QĐ/TW")}


def test_same_number_under_two_types_is_kept_twice():
    assert set(documents("Quy định số 106 của Ban Thường vụ; Quyết định 106 của Huyện ủy")) == {
        ("Quy định", "106"), ("Quyết định", "106")}


def test_law_cited_by_name_before_its_number():
    assert documents("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;") == {
        ("Luật", "06/2022/QH15"): ("2022-06-15", None)}


def test_bare_symbol_takes_its_type_from_the_code():
    assert set(documents("triển khai 35-NQ/TW trong toàn Đảng bộ")) == {("Nghị quyết", "35-NQ/TW")}


@pytest.mark.parametrize("text", [
    "quán triệt Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng",
    "xây dựng Kế hoạch 5 năm 2021-2025",
    "Hướng dẫn 3 bước thực hiện",
    "Số 45-BC/BDVHU",
])
def test_not_document_citations(text):
    assert documents(text) == {}


# Initiatives

@pytest.mark.parametrize("text, name", [
    ("nhân rộng mô hình “Dân Vận khéo” khá tốt", "Dân Vận khéo"),
    ('phát động phong trào thi đua "Bình dân học vụ số" trong toàn xã', "Bình dân học vụ số"),
    ("cuộc vận động «Xây dựng gia đình 5 không, 3 sạch»", "Xây dựng gia đình 5 không, 3 sạch"),
    ("vận động xây dựng Quỹ “Vì người nghèo” năm 2024", "Vì người nghèo"),
    ("triển khai đề án “Nâng cao thu nhập cho hộ nghèo”", "Nâng cao thu nhập cho hộ nghèo"),
    ("chính quyền thực hiện tốt “Năm dân vận chính quyền 2018”", "Năm dân vận chính quyền 2018"),
])
def test_initiative_trigger_and_quote_styles(text, name):
    assert list(initiatives(text)) == [name]


def test_quoted_list_continues_an_initiative():
    assert list(initiatives("phong trào thi đua “Đồng khởi mới”, “Đồng khởi khởi nghiệp” gắn với")) == [
        "Đồng khởi mới", "Đồng khởi khởi nghiệp"]


def test_owner_of_an_initiative():
    assert initiatives("mô hình “Tổ dần đổi công” của Chi Hội phụ nữ ấp Đặng Văn Do, xã Thạnh Yên; mô hình khác") == {
        "Tổ dần đổi công": "Chi Hội phụ nữ ấp Đặng Văn Do, xã Thạnh Yên"}
    assert initiatives("Đoàn khảo sát mô hình “tuyến đường xanh sạch, đẹp” do UBMTTQ chủ trì") == {
        "tuyến đường xanh sạch, đẹp": "UBMTTQ"}


@pytest.mark.parametrize("text", [
    "rèn luyện phong cách “Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân”",
    "đạt danh hiệu “Gia đình văn hóa” 3 năm liền",
    "thực hiện tốt cơ chế “một cửa” tại xã",
    "Nghị quyết số 25-NQ/TW về “Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận”",
    "Quy định số 106 của Ban Thường vụ Huyện ủy “về việc ban hành Quy chế công tác dân vận”",
    "các đại biểu thảo luận về “Giải pháp nâng cao chất lượng sinh hoạt chi bộ”",
    "bà Tư nhấn mạnh: «Mỗi cán bộ Hội phải sát dân, hiểu dân»",
    "hoạt động của các “đạo lạ” trên địa bàn",
])
def test_quoted_but_not_initiatives(text):
    assert initiatives(text) == {}


# Figures

@pytest.mark.parametrize("text, expected", [
    ("phát triển mới 1.873 đoàn viên", {(1873, "đoàn viên")}),
    ("tổng kinh phí 2,5 tỷ đồng", {(2_500_000_000, "đồng")}),
    ("giải ngân 1,2 tỷ đồng", {(1_200_000_000, "đồng")}),
    ("thu hút 5 nghìn hội viên", {(5000, "hội viên")}),
    ("khen thưởng 04 tập thể, 06 cá nhân", {(4, "tập thể"), (6, "cá nhân")}),
    ("tỷ lệ đồng thuận đạt 98,5%", {(98.5, "%")}),
    ("thu nhập 50-70 triệu đồng/năm", {(50_000_000, "đồng"), (70_000_000, "đồng")}),
    ("xây dựng 03 đề án", {(3, "đề án")}),
    ("Xã A: 120; xã B: 95 và xã C: 80 hội viên", {(120, "hội viên"), (95, "hội viên"), (80, "hội viên")}),
    ("có 61 mô hình cấp huyện; công nhận 61 mô hình", {(61, "mô hình")}),
])
def test_figures_read_vietnamese_numbers(text, expected):
    assert figures(text) == expected


def test_figure_text_is_the_words_as_written():
    shown = [f["text"] for f in extract_text("đạt 100% tổ dân phố, thu 2,5  tỷ đồng, 50-70 triệu đồng")["figures"]]
    assert shown == ["100%", "2,5 tỷ đồng", "50 triệu đồng", "70 triệu đồng"]


@pytest.mark.parametrize("text", [
    "công tác dân vận 9 tháng đầu năm",
    "kỷ niệm 190 năm thành lập huyện",
    "Qua 05 năm triển khai",
    "đối thoại ít nhất 01lần mỗi năm",
    "Đại hội lần thứ XII, khóa XI, nhiệm kỳ 2020-2025",
    "năng suất gấp 2-3 lần",
    "Đang có 120 khách",
    "Liên hệ: 0273.3856.123",
    "theo Quyết định 217, 218 của Bộ Chính trị",
    "Sáng ngày 04/8/2020, lúc 7 giờ 30",
    "1. Hội viên tham gia đầy đủ",
])
def test_not_figures(text):
    assert figures(text) == set()


# Dates

def test_spelt_and_numeric_dates():
    assert dates("Ngày 11 tháng 6 năm 2018, đoàn khảo sát. Sáng ngày 04/8/2020, hội nghị.") == ["2018-06-11", "2020-08-04"]


def test_year_inferred_from_the_reported_period():
    assert dates("Sáng ngày 03/10, hội nghị giao ban 9 tháng đầu năm 2018.") == ["2018-10-03"]


def test_year_of_a_final_review_is_the_next_for_early_months():
    assert dates("Hội nghị tổng kết công tác năm 2019\nNgày 08/1, Hội tổ chức hội nghị.") == ["2020-01-08"]


def test_year_from_the_publication_stamp():
    assert dates("Tin bài\n(10:00 | 05/01/2021)\nNgày 28/12, hội nghị tổng kết.") == ["2020-12-28"]


def test_time_of_day_marks_a_bare_date():
    assert dates("Chiều 09/6, đoàn kiểm tra làm việc với phường trong năm 2023.") == ["2023-06-09"]
    assert dates("Tỷ lệ 3/5 số hộ trong năm 2023 đã tham gia.") == []


def test_date_without_any_year_in_the_text_is_dropped():
    assert dates("Sáng ngày 03/10, hội nghị diễn ra.") == []


def test_range_gives_both_ends():
    assert dates("Từ ngày 12/5 - 16/5/2023, đoàn làm việc") == ["2023-05-12", "2023-05-16"]
    assert dates("từ ngày 12 đến ngày 16/5/2023") == ["2023-05-12", "2023-05-16"]


def test_scheduled_activity_counts():
    assert dates("Kể từ ngày 02-10-2023, Ban tiếp dân vào thứ Năm.") == ["2023-10-02"]


def test_issue_dates_are_not_event_dates():
    text = "Thực hiện Công văn số 1029-CV/TU, ngày 06-02-2020 của Ban Thường vụ Tỉnh ủy. Kế hoạch được ban hành ngày 05/3/2020."
    assert dates(text) == []
    assert dates("Quyết định này có hiệu lực.\nGiồng Trôm, ngày 20 tháng 11 năm 2024") == []


def test_page_clock_is_neither_stamp_nor_event():
    result = extract_text("Hôm nay, Chủ nhật ngày 17/01/2021 09:15\nTin tức trong Huyện\nHội nghị giao ban công tác dân vận năm 2018")
    assert (result["published_at"], result["event_dates"]) == (None, [])


@pytest.mark.parametrize("stamp, expected", [
    ("(13:19 | 10/08/2020)", "2020-08-10T13:19"),
    ("Thứ Năm, 18/09/2025 - 14:30", "2025-09-18T14:30"),
    ("Cập nhật lúc 08h05 ngày 02/3/2024", "2024-03-02T08:05"),
    ("10/08/2020", None),
])
def test_publication_stamp_needs_a_time_of_day(stamp, expected):
    assert extract_text(f"Tiêu đề của bài viết về công tác dân vận\n{stamp}\nNội dung.")["published_at"] == expected


# Title, normalisation, shape, spans

def test_title_skips_portal_chrome():
    text = "Site banner\nCổng thông tin điện tử huyện\nXem với cỡ chữAA\nHuyện tổ chức hội nghị tổng kết phong trào thi đua\nNội dung."
    assert extract_text(text)["title"] == "Huyện tổ chức hội nghị tổng kết phong trào thi đua"


def test_outputs_are_nfc_with_collapsed_whitespace():
    decomposed = unicodedata.normalize("NFD", "đồng chí Nguyễn   Văn Hiền, Trưởng Ban  Dân vận Huyện ủy nhận xét")
    person = extract_text(decomposed)["people"][0]
    assert person == {"name": "Nguyễn Văn Hiền", "titles": ["Trưởng Ban Dân vận Huyện ủy"]}
    assert unicodedata.is_normalized("NFC", person["name"])


def test_object_has_exactly_the_schema_keys():
    result = extract_text("", source="a.txt")
    assert list(result) == ["schema", "source", "title", "published_at", "event_dates", "people", "units",
                            "organizations", "documents", "initiatives", "figures"]
    assert result["schema"] == "danvan.extract/1"


def test_spans_point_at_each_item_in_the_normalised_text():
    found = extract_with_spans("Sáng ngày 04/8/2020, đồng chí Lê Tiến Dũng tại xã Thạnh Yên trao 04 tập thể giấy khen "
                               "theo Nghị quyết số 25-NQ/TW, phong trào “Dân vận khéo”.")
    text, spans, result = found["text"], found["spans"], found["result"]
    assert text[slice(*spans["people"][0][0])] == "Lê Tiến Dũng"
    assert text[slice(*spans["units"][0][0])] == "xã Thạnh Yên"
    assert text[slice(*spans["figures"][0][0])] == "04 tập thể"
    assert "25-NQ/TW" in text[slice(*spans["documents"][0][0])]
    assert "Dân vận khéo" in text[slice(*spans["initiatives"][0][0])]
    assert "04/8/2020" in text[slice(*spans["event_dates"][0][0])]
    assert "spans" not in result
