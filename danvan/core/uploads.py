"""Uploaded files are checked by what they contain, not by what they are called."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Leading bytes of each accepted kind of file.
SIGNATURES = {
    "image": [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"RIFF"],
    "pdf": [b"%PDF-"],
    "office": [b"PK\x03\x04"],  # .docx, .xlsx are ZIP archives
    "text": None,  # plain text and web pages have no signature: their reader checks the content
}
EXTENSIONS = {
    "image": {".png", ".jpg", ".jpeg", ".gif", ".webp"},
    "pdf": {".pdf"},
    "office": {".docx", ".xlsx"},
    "text": {".txt", ".html", ".htm"},
}
MEGABYTE = 1024 * 1024


@deconstructible
class FileCheck:
    """Validator: the file's extension and first bytes match one of ``kinds``, and it is small enough."""

    def __init__(self, kinds=("image", "pdf", "office"), max_megabytes=10):
        self.kinds = tuple(kinds)
        self.max_megabytes = max_megabytes

    def __call__(self, upload):
        if upload.size > self.max_megabytes * MEGABYTE:
            raise ValidationError(
                _("The file is too large (at most %(size)s MB).") % {"size": self.max_megabytes}, code="too_large"
            )
        name = upload.name.lower()
        allowed = set().union(*(EXTENSIONS[kind] for kind in self.kinds))
        if not any(name.endswith(ext) for ext in allowed):
            raise ValidationError(
                _("This type of file is not accepted; accepted: %(types)s.") % {"types": ", ".join(sorted(allowed))},
                code="bad_type",
            )
        matched = [kind for kind in self.kinds if any(name.endswith(ext) for ext in EXTENSIONS[kind])]
        if any(SIGNATURES[kind] is None for kind in matched):
            return
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(sig) for kind in matched for sig in SIGNATURES[kind]):
            raise ValidationError(_("The file's content does not match its type."), code="bad_content")
        if head.startswith(b"RIFF") and head[8:12] != b"WEBP":
            raise ValidationError(_("The file's content does not match its type."), code="bad_content")

    def __eq__(self, other):
        return isinstance(other, FileCheck) and (self.kinds, self.max_megabytes) == (other.kinds, other.max_megabytes)


IMAGE_CHECK = FileCheck(kinds=("image",), max_megabytes=5)
DOCUMENT_CHECK = FileCheck()
