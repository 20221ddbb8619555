"""Every change to an article: written, submitted, returned with a reason, published by an approver of its unit."""

import io
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from danvan.core.choices import Role
from danvan.core.services import ensure_all_in_scope, ensure_in_scope, require_role, save_record
from danvan.core.text import fold
from danvan.core.uploads import IMAGE_CHECK, IMAGE_FORMATS, IMAGE_SAVE_OPTIONS
from danvan.core.workflow import Step, Workflow
from danvan.news.choices import Status
from danvan.news.html import sanitised
from danvan.news.models import Article, ArticlePhoto

ARTICLE_FLOW = Workflow(model=Article, deletable=(Status.DRAFT, Status.RETURNED), steps={
    (Status.DRAFT, Status.SUBMITTED): Step(Role.EDITOR),
    (Status.RETURNED, Status.SUBMITTED): Step(Role.EDITOR),
    (Status.SUBMITTED, Status.PUBLISHED): Step(Role.APPROVER),
    (Status.SUBMITTED, Status.RETURNED): Step(Role.APPROVER, note_required=True),
    (Status.DRAFT, Status.PUBLISHED): Step(Role.APPROVER),
    (Status.PUBLISHED, Status.RETURNED): Step(Role.APPROVER, note_required=True),
})
# The longest side of a photo on the article's page, and of its thumbnail in lists and "Tin khác".
PAGE_SIDE, THUMBNAIL_SIDE = 1200, 360
SLUG_LENGTH = 100

MOVES = {"submit": Status.SUBMITTED, "publish": Status.PUBLISHED, "return": Status.RETURNED}


def body_refusal():
    return ValidationError({"body": _("The body held scripts or styles; they have been removed. Check the text, then save again.")})


def clean_body(article):
    """Store only the allowed tags; a body that carried scripts or styles is refused, so the writer sees what is left."""
    article.body, removed = sanitised(article.body)
    if removed:
        raise body_refusal()


@transaction.atomic
def write_article(user, article, links=None, categories=None):
    """Create or edit an article of the user's units with the records it reports (each in the user's scope)."""
    require_role(user, Role.EDITOR)
    if article.status == Status.PUBLISHED and not user.can(Role.APPROVER):
        raise ValidationError(_("This article is published: only an approver of its unit may change it."))
    clean_body(article)
    article.title = article.title.strip()
    article.slug = _slug(article.title)
    if article._state.adding:
        article.written_by = user
    links = links or {}
    for name, records in links.items():
        ensure_all_in_scope(user, Article, name, records)
    if categories is not None:
        ensure_all_in_scope(user, Article, "categories", categories)
    save_record(user, article)
    for name, records in links.items():
        getattr(article, name).set(records)
    if categories is not None:
        article.categories.set(categories)
    return article


def _slug(title):
    """The address's words of the title, cut between words when it is long."""
    slug = slugify(fold(title))
    return slug if len(slug) <= SLUG_LENGTH else slug[:SLUG_LENGTH + 1].rsplit("-", 1)[0]


def _require_title(article):
    if not article.title.strip():
        raise ValidationError({"title": _("An article needs a title before it is submitted or published (field “title”).")})


@transaction.atomic
def move_article(user, article, to, note=""):
    """Submit, return (with the reason) or publish; publishing is for an approver of the article's unit."""
    ensure_in_scope(user, article)
    if to in (Status.SUBMITTED, Status.PUBLISHED):
        _require_title(article)
    if to == Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    return ARTICLE_FLOW.move(article, to, user, note)


def _resized(image_file, extension, side):
    from PIL import Image

    image_format = IMAGE_FORMATS[extension]
    with Image.open(image_file, formats=[image_format]) as image:
        image.load()
        image.thumbnail((side, side))
        buffer = io.BytesIO()
        image.save(buffer, format=image_format, **IMAGE_SAVE_OPTIONS[image_format])
    image_file.seek(0)
    return buffer.getvalue()


@transaction.atomic
def add_photo(user, article, photo):
    """A photo checked as an image, re-encoded without EXIF/GPS, stored at the page's size with a thumbnail."""
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, article)
    if not photo.image:
        raise ValidationError({"image": _("Choose a photo.")})
    try:
        clean = IMAGE_CHECK.clean(photo.image.file)
    except ValidationError as error:
        raise ValidationError({"image": error.messages}) from error
    name = PurePosixPath(clean.name).name
    extension = PurePosixPath(name.lower()).suffix
    photo.article = article
    photo.image = ContentFile(_resized(clean, extension, PAGE_SIDE), name=name)
    photo.thumbnail = ContentFile(_resized(clean, extension, THUMBNAIL_SIDE), name=name)
    return save_record(user, photo)


@transaction.atomic
def remove_photo(user, photo):
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, photo)
    photo.delete()
