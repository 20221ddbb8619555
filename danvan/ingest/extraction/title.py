"""The headline, and the portal chrome lines around it."""

import re

# Portal chrome: banners, section names, font-size widgets, the page clock,
# breadcrumbs, "related news" headers.
_CHROME = re.compile(
    r"(?i)^(?:site banner|cổng thông tin|trang thông tin|trang chủ|tin tức|sự kiện|xem với cỡ chữ|"
    r"hôm nay|tin khác|tin liên quan|bài viết liên quan|chia sẻ|in bài|bản in|lượt xem|"
    r"thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|đăng nhập|tìm kiếm|menu|liên hệ|giới thiệu)"
)
_DATE_OR_STAMP = re.compile(r"^[\s(|]*[\d:/.\-| hH,]+[\s)|]*$")
_MIN_WORDS = 5
_MAX_CHARS = 300
_HEAD_LINES = 10
_LETTERHEAD_MAX_WORDS = 8


def _is_letterhead(line):
    # "ỦY BAN NHÂN DÂN HUYỆN ...", "ĐẢNG BỘ TỈNH ...": the issuer, not the headline.
    return line.isupper() and len(line.split()) < _LETTERHEAD_MAX_WORDS


def is_chrome(line):
    return bool(_CHROME.match(line) or _DATE_OR_STAMP.match(line))


def find_title(lines):
    """(title, line index) of the first heading-like line, or (None, None)."""
    for index, line in enumerate(lines[:_HEAD_LINES]):
        if len(line) > _MAX_CHARS:
            break  # body text reached without a headline
        if line and not is_chrome(line) and len(line.split()) >= _MIN_WORDS and not _is_letterhead(line):
            return line, index
    return None, None
