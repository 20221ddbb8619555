"""Who issues and who signs, as core needs them: the organisations app describes an issuer, the
issuing app describes its signer; core itself knows neither app."""

import dataclasses
import datetime
import re

from danvan.core.text import fold


@dataclasses.dataclass(frozen=True)
class Issuer:
    """What a document's header says of its issuing body (a snapshot: an issued document never changes)."""

    organization: object
    unit: object
    name: str
    body: str  # the name without the place: "Ủy ban nhân dân" (TM. ỦY BAN NHÂN DÂN)
    superior: str
    abbreviation: str
    place: str
    format_code: str
    # A mass organisation's own title ("HỘI NÔNG DÂN VIỆT NAM") in place of the format's; blank: the format's.
    national_title: str = ""
    # The issuing body's line in the header when it differs from the name: a Party committee's advisory body under
    # the committee's line gives its own name only ("HUYỆN ỦY NĂM CĂN / BAN DÂN VẬN"); blank: the name.
    issuing_line: str = ""

    def header(self):
        return {"issuer": self.name, "issuing_line": self.issuing_line or self.name, "body": self.body,
                "superior": self.superior, "abbreviation": self.abbreviation, "place": self.place,
                "format": self.format_code, "national_title": self.national_title}


@dataclasses.dataclass(frozen=True)
class Signer:
    """The person who signs, the title they sign with and, when known, the dates they held it.

    ``authority`` is "TM", "KT", "TL" or "" (the head in their own name); ``None`` lets the title decide:
    a deputy ("Phó …") signs for the head (K/T), anyone else on behalf of the body (T/M).
    """

    name: str
    title: str
    authority: str | None = None
    held_from: datetime.date | None = None
    held_to: datetime.date | None = None
    known_period: bool = False

    @classmethod
    def holding(cls, name, position, authority=None):
        """A signer from a dated title (any record with ``title``, ``valid_from`` and ``valid_to``)."""
        return cls(name=name, title=position.title, authority=authority,
                   held_from=position.valid_from, held_to=position.valid_to, known_period=True)

    def held_on(self, date):
        if not self.known_period:
            return True
        return (self.held_from is None or self.held_from <= date) and (self.held_to is None or date <= self.held_to)

    @property
    def resolved_authority(self):
        if self.authority is not None:
            return self.authority
        # A Party committee's (deputy) secretary signs on behalf of its standing committee, never "K/T BÍ THƯ"
        # (Hướng dẫn 36-HD/VPTW: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ").
        if is_deputy(self.title) and fold(self.head_title) != "bi thu":
            return "KT"
        return "TM"

    @property
    def printed_title(self):
        """The title as the signature block prints it: "Phó Chủ tịch UBND huyện" → "Phó Chủ tịch"."""
        head = self.head_title
        return f"{self.title.strip().split()[0]} {head}" if is_deputy(self.title) else head

    @property
    def head_title(self):
        """The head's title a deputy signs for: "Phó Chủ tịch UBND" → "Chủ tịch"."""
        words = DEPUTY.sub("", self.title.strip()).split()
        return " ".join(words[:2] if len(words) > 1 and fold(words[0]) in HEAD_TITLE_FIRST_WORDS else words[:1])


DEPUTY = re.compile(r"^ph[oó]\s+", re.IGNORECASE)
# Titles whose head is two words ("Chủ tịch", "Bí thư", "Trưởng ban"); the rest name a body after them.
HEAD_TITLE_FIRST_WORDS = {"chu", "bi", "truong", "giam", "tong"}


def is_deputy(title):
    return bool(DEPUTY.match((title or "").strip()))


_describe = None


def register(describe):
    """The organisations app gives the function ``describe(organization, on_date) -> Issuer``."""
    global _describe
    _describe = describe


def describe(organization, on_date):
    if _describe is None:
        raise LookupError("No app describes issuing bodies (the organisations app registers it in its ready()).")
    return _describe(organization, on_date)


def own_name(name, superior):
    """"Ban Dân vận Huyện ủy Năm Căn" under "Huyện ủy Năm Căn" → "Ban Dân vận": the issuing body's line of an organ of
    the committee the superior line already names (Hướng dẫn 36-HD/VPTW); any other name stays whole."""
    words, above = name.split(), superior.split()
    if not above or len(words) <= len(above) or [fold(w) for w in words[-len(above):]] != [fold(w) for w in above]:
        return name
    return " ".join(words[:-len(above)])


# Joining words officials leave out of an abbreviation: "Ban Tuyên giáo và Dân vận Tỉnh ủy" is "BTGDVTU".
_JOINING_WORDS = {"va", "cua"}


def initials(name):
    """"Ban Dân vận Tỉnh ủy" → "BDVTU": the abbreviation officials write in a symbol; an acronym stays whole
    ("Ủy ban MTTQ" → "UBMTTQ")."""
    letters = []
    for word in name.split():
        folded = fold(word)
        if not folded[:1].isalnum() or folded in _JOINING_WORDS:
            continue
        letters.append(folded if len(word) > 1 and word.isupper() else folded[0])
    return "".join(letters).upper()


# The words that name a unit's level before its name: "huyện U Minh Thượng", "xã Minh Hòa".
_LEVEL_WORDS = ("huyện", "xã", "tỉnh", "phường", "quận", "thị xã", "thị trấn", "thành phố", "ấp", "khóm")
NO_BREAK = "\u00a0"


def keep_place_together(name):
    """A body's name with its place in no-break spaces ("Ủy ban nhân dân huyện U Minh Thượng"): a header column too
    narrow for the whole name breaks it before the place, as a clerk does, never inside "U Minh | Thượng"."""
    words = name.split()
    start = len(words)
    while start > 0 and len(words) - start < 3 and words[start - 1][:1].isupper():
        start -= 1
    for level in _LEVEL_WORDS:
        size = len(level.split())
        if start >= size and " ".join(words[start - size:start]).lower() == level:
            start -= size
            break
    if start == 0 or len(words) - start < 2:
        return name
    return " ".join(words[:start]) + " " + NO_BREAK.join(words[start:])
