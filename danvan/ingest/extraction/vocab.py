"""Domain vocabulary: the closed word classes the rules are built from."""

# Family names, for recognising a person named without "đồng chí"/"ông"/"bà".
SURNAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tôn
    Đinh Lâm Mai Trương Đoàn Lương Cao Hà Tạ Châu Thái Quách Lưu Triệu Kiều Đào
    Trịnh Phùng Tô Chu Giang Hứa Lã Lò Nông Thạch Danh Kim La Từ Diệp Đàm Khúc Vương
    Mạc Âu Bế Hầu Lục Tăng Quan Lại Trình Khổng Viên Văn Ninh Tống Ma Nghiêm Doãn
    Thân Vi Hoàng Lưu Mẫn Khương Sầm Ung Yên Bạch Cù Hàn Ông Âu Đồng Lò Lường Sơn
    Điểu Ksor Rơ Siu Rơmah Nay Kpă Y H'""".split()
)

# Words that open a position ("Phó Bí thư", "HUV"); a name never starts with one.
TITLE_HEADS = (
    "Ủy viên", "Uỷ viên", "Phó Bí thư", "Bí thư", "Tổng Bí thư", "Phó Chủ tịch", "Chủ tịch",
    "Phó Trưởng ban", "Phó Trưởng Ban", "Trưởng ban", "Trưởng Ban", "Phó Ban", "Phó Trưởng",
    "Trưởng", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Chánh", "Phó Giám đốc", "Giám đốc",
    "Huyện ủy viên", "Huyện uỷ viên", "Tỉnh ủy viên", "Tỉnh uỷ viên", "Thành ủy viên",
    "Thành uỷ viên", "Đảng ủy viên", "Đảng uỷ viên", "Thường trực", "Phó Chủ nhiệm", "Chủ nhiệm",
    "Thư ký", "Đại biểu Quốc hội", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng",
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
    "Thiếu tá", "Chuyên viên", "Cán bộ", "Tổ trưởng", "Hội trưởng", "Chỉ huy trưởng",
    "Giáo sư", "Phó Giáo sư", "Tiến sĩ", "Thạc sĩ", "PGS", "TS", "ThS",
    "HUV", "TVHU", "UVBTVHU", "TUV", "TVTU", "UVBTVTU", "ĐUV", "UVBTV", "UVTW", "ĐBQH",
)

# First words of a body's name; a name or a hamlet never starts with one.
ORG_HEADS = frozenset(
    """Ban Ủy Uỷ UBND HĐND UBMTTQ MTTQ Huyện Tỉnh Hội Chi Đoàn Bộ Sở Phòng Cổng Báo Đài
    Trường Viện Cục Tòa Kho Quỹ Tổ Khối Cơ Đội Xã Phường Quận Thị Ấp Thôn Trạm Bệnh Nhà
    Đảng Tin Bài Ảnh Theo Nguồn Xem Site Trang""".split()
)

# Position words a name may not start with (first syllable of TITLE_HEADS).
TITLE_FIRST_SYLLABLES = frozenset(head.split()[0] for head in TITLE_HEADS)

DOCUMENT_TYPES = (
    "Chương trình hành động", "Nghị quyết", "Chỉ thị", "Quyết định", "Quy định", "Kết luận",
    "Chương trình", "Kế hoạch", "Công văn", "Thông báo", "Hướng dẫn", "Pháp lệnh", "Nghị định",
    "Luật", "Thông tư", "Đề án", "Quy chế",
)

# Type codes inside a symbol ("25-NQ/TW"), for numbers cited without a type word.
SYMBOL_TYPES = {
    "NQ": "Nghị quyết", "CT": "Chỉ thị", "QĐ": "Quyết định", "QĐi": "Quy định", "KL": "Kết luận",
    "CTr": "Chương trình", "CTHĐ": "Chương trình hành động", "KH": "Kế hoạch", "CV": "Công văn",
    "TB": "Thông báo", "HD": "Hướng dẫn", "PL": "Pháp lệnh", "NĐ": "Nghị định", "TT": "Thông tư",
    "ĐA": "Đề án", "QC": "Quy chế",
}

# Nouns that measure time: "9 tháng", "190 năm" are durations, not counts.
TIME_WORDS = frozenset("năm tháng ngày giờ phút giây quý tuần thập kỷ lần buổi sáng chiều tối đêm".split())

# What a figure counts; longest phrases first so "hộ nghèo" is not read as "hộ".
COUNT_NOUNS = tuple(
    sorted(
        (noun.strip() for noun in
        """mô hình|điển hình|tập thể|cá nhân|đoàn viên|hội viên|đảng viên|hộ|người|nhiệm vụ|đồng|
        lượt|lượt người|cuộc|hội nghị|lớp|tổ|tổ chức|câu lạc bộ|chi hội|chi bộ|chi đoàn|cơ sở|
        đơn vị|cơ quan|doanh nghiệp|hợp tác xã|tổ hợp tác|công trình|tuyến|km|ha|tấn|kg|con|
        cây|căn|căn nhà|ngôi nhà|nhà|phần quà|suất|suất quà|suất học bổng|học bổng|ý kiến|
        kiến nghị|đơn|đơn thư|vụ|vụ việc|trường hợp|thành viên|cán bộ|công chức|viên chức|
        học sinh|sinh viên|gia đình|đại biểu|tác phẩm|bài|tin|đề án|chương trình|kế hoạch|
        văn bản|nghị quyết|chỉ thị|quyết định|giải pháp|chỉ tiêu|tiêu chí|xã|phường|thị trấn|
        ấp|thôn|xóm|bản|khóm|khu phố|tổ dân phố|huyện|tỉnh|điểm|ngày công|giấy khen|bằng khen|
        cờ thi đua|nhân khẩu|khẩu|hộ nghèo|hộ cận nghèo|lao động|thanh niên|phụ nữ|nông dân|
        cựu chiến binh|hội|đoàn|nhóm|em|cháu|bộ|chiếc|xe|mét|m|m2|m²|m3|lít|bao|USD|hồ sơ|thủ tục""".split("|")),
        key=len,
        reverse=True,
    )
)

MULTIPLIERS = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}

# Level words of administrative units, longest first.
UNIT_LEVELS = (
    "tổ dân phố", "khu phố", "thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "xã",
    "phường", "ấp", "thôn", "xóm", "bản", "khóm",
)
HAMLET_LEVELS = frozenset({"tổ dân phố", "khu phố", "ấp", "thôn", "xóm", "bản", "khóm"})
