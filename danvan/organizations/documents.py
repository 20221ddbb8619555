"""How an organisation appears at the head of the documents it issues: core's register asks here."""

from danvan.core.documents.issuers import Issuer, initials, own_name
from danvan.organizations.choices import KindCategory

# The organisation kind's category decides the document format (core.DocumentFormat.code).
FORMATS = {
    KindCategory.PARTY_COMMITTEE: "party", KindCategory.PARTY_BODY: "party", KindCategory.STEERING_COMMITTEE: "party",
    KindCategory.GOVERNMENT: "state", KindCategory.OTHER: "state",
    KindCategory.FRONT: "front", KindCategory.MASS_ORGANIZATION: "mass", KindCategory.BRANCH: "mass",
}
# A Party committee signs through its standing committee ("T/M BAN THƯỜNG VỤ"); so does the committee (BCH) of a
# mass organisation whose guide sets its own layout (Đoàn TNCS Hồ Chí Minh, 29-HD/TWĐTN-VP: "TM. BAN THƯỜNG VỤ /
# BÍ THƯ"; Hội Nông dân likewise), never "TM. BCH …" from its name.
STANDING_COMMITTEE = "Ban Thường vụ"
PARTY_ORGANIZATION = "Đảng bộ"


def _signs_for_standing_committee(category, format_code):
    return category == KindCategory.PARTY_COMMITTEE or (category == KindCategory.MASS_ORGANIZATION and format_code == "mass")


def _without_place(name, unit):
    """"Ủy ban nhân dân xã Thạnh Yên" → "Ủy ban nhân dân": the body whose initials make the symbol."""
    for suffix in (str(unit), unit.name):
        if suffix and name.lower().endswith(" " + suffix.lower()):
            return name[: -len(suffix)].strip()
    return name


def _format(kind):
    """A mass organisation with its own title writes in the Party's layout under it, any other in the Front's."""
    code = FORMATS.get(kind.category, "state")
    return "front" if code == "mass" and not kind.document_title else code


def _superior(organization, category, on_date):
    """The line above the issuing body. 36-HD/VPTW heads a district's or commune's Party committee with the Party
    organisation of the unit above ("ĐẢNG BỘ TỈNH CÀ MAU / HUYỆN ỦY NĂM CĂN"), not with a committee; a province's
    committee stands alone. Any other body names the organisation it belongs to."""
    if category == KindCategory.PARTY_COMMITTEE:
        above = organization.unit.parent
        return f"{PARTY_ORGANIZATION} {above}" if above else ""
    parent = organization.parent_at(on_date)
    return parent.name if parent else ""


def describe(organization, on_date):
    unit = organization.unit
    body = _without_place(organization.name, unit)
    category = organization.kind.category
    format_code = _format(organization.kind)
    superior = _superior(organization, category, on_date)
    return Issuer(
        organization=organization, unit=unit, name=organization.name,
        body=STANDING_COMMITTEE if _signs_for_standing_committee(category, format_code) else body,
        superior=superior, abbreviation=initials(body), place=unit.name,
        format_code=format_code, national_title=organization.kind.document_title,
        # 36-HD/VPTW: an organ of the Party committee named above it gives its own name only.
        issuing_line=own_name(organization.name, superior) if format_code == "party" else "",
    )
