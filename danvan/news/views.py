"""Writers' pages (scoped, behind login) and the public portal (no login: published articles only)."""

from django.http import FileResponse, Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy
from django.views import generic

from danvan.core import ratelimit
from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.exports import XlsxExportMixin
from danvan.core.paging import IdsFirstPaginator
from danvan.core.scoping import Scope
from danvan.core.search import search_queryset
from danvan.core.views import ParentFormView, ScopedCreateView, ScopedDetailView, ScopedFileView, ScopedListView, ScopedUpdateView
from danvan.core.workflow import transitions_of
from danvan.news import queries, services
from danvan.news.filters import ArticleFilter
from danvan.news.forms import ArticleForm, MoveForm, PhotoForm
from danvan.news.models import Article, ArticlePhoto, Category
from danvan.units.models import Unit

# Searches one address may run on the portal per minute: enough for a reader, too few to scrape it by search.
SEARCHES_PER_MINUTE = 30
MOVE_LABELS = {"submit": gettext_lazy("Submit for approval"), "publish": gettext_lazy("Publish"), "return": gettext_lazy("Return")}


# --- writers -----------------------------------------------------------------------------------------

class ArticleListView(XlsxExportMixin, ScopedListView):
    model = Article
    filterset_class = ArticleFilter
    export_filename = "tin-bai.xlsx"
    export_columns = [
        (gettext_lazy("Title"), lambda a: str(a)), (gettext_lazy("Publishing unit"), lambda a: a.unit),
        (gettext_lazy("Byline"), lambda a: a.byline), (gettext_lazy("Status"), lambda a: a.get_status_display()),
        (gettext_lazy("Publication time"), lambda a: a.published_at),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("unit")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "can_edit": self.request.user.can(Role.EDITOR)}


class ArticleDetailView(ScopedDetailView):
    model = Article

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "written_by")

    def get_context_data(self, **kwargs):
        user, article = self.request.user, self.object
        moves = [(name, MOVE_LABELS[name]) for name, to in services.MOVES.items() if to in services.ARTICLE_FLOW.targets(article, user)]
        return {**super().get_context_data(**kwargs), "moves": moves, "photos": article.photos.all(),
                "links": queries.links_of(article), "categories": article.categories.all(),
                "can_edit": user.can(Role.EDITOR), "photo_form": PhotoForm(user=user),
                "transitions": transitions_of(article), "history": history(article)}


class ArticleFormMixin:
    model = Article
    form_class = ArticleForm
    template_name = "news/article_form.html"

    def perform(self, form):
        return services.write_article(self.request.user, form.instance, links=form.links(),
                                      categories=form.cleaned_data.get("categories") or [])


class ArticleCreateView(ArticleFormMixin, ScopedCreateView):
    page_title = gettext_lazy("New article")


class ArticleUpdateView(ArticleFormMixin, ScopedUpdateView):
    pass


class ArticleActionView(ParentFormView):
    model = Article

    def get_success_url(self):
        return reverse("news:detail", args=[self.object.pk])


class ArticleMoveView(ArticleActionView):
    form_class = MoveForm
    page_title = gettext_lazy("Next step")

    def perform(self, form):
        data = form.cleaned_data
        return services.move_article(self.request.user, self.object, services.MOVES[data["action"]], data["note"])


class PhotoAddView(ArticleActionView):
    form_class = PhotoForm
    page_title = gettext_lazy("Add a photo")

    def perform(self, form):
        return services.add_photo(self.request.user, self.object, form.instance)


class PhotoFileView(ScopedFileView):
    """A photo of an article in the writer's units, published or not (photos are re-encoded on upload)."""

    model = ArticlePhoto
    file_field = "image"
    reencoded_images = True


def linked_articles(user, record):
    """The articles reporting a record, on the record's page: published ones for all who see it, drafts in scope."""
    articles = queries.articles_linked_to(user, record)
    return render_to_string("news/_linked_articles.html", {"articles": articles}) if articles else ""


# --- the public portal (no login) ---------------------------------------------------------------------

class PortalListView(generic.ListView):
    """Published articles, newest first, paged on their ids; ``?q=`` searches ignoring diacritics."""

    template_name = "news/portal_list.html"
    paginate_by = 20
    paginator_class = IdsFirstPaginator
    heading = gettext_lazy("News")

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("q", "").strip() and not ratelimit.hit(
                "news-search", ratelimit.client_address(request), SEARCHES_PER_MINUTE, 60):
            return HttpResponse(_("Too many searches from here in the last minute. Please try again later."), status=429,
                                content_type="text/plain; charset=utf-8")
        return super().dispatch(request, *args, **kwargs)

    def articles(self):
        return Article.objects.published()

    def get_queryset(self):
        query = self.request.GET.get("q", "")[:200]
        return search_queryset(self.articles(), query).select_related("unit").order_by("-published_at", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        return {**context, "query_without_page": query.urlencode(), "heading": self.heading,
                "categories": Category.objects.all(), "articles": queries.with_thumbnails(context["page_obj"].object_list),
                "feed_url": self.feed_url()}

    def feed_url(self):
        return reverse("portal:feed")


class PortalHomeView(PortalListView):
    """The portal's home: the latest articles of every unit and the showcase of recognised models."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "showcase": queries.showcase_sample()}


class PortalUnitView(PortalListView):
    """A unit's portal: its articles and those of the units below it."""

    def get(self, request, *args, **kwargs):
        self.unit = get_object_or_404(Unit, pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def articles(self):
        return Scope.of_unit(self.unit).filter(super().articles(), "unit")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "heading": _("News of %(unit)s") % {"unit": self.unit}, "unit": self.unit}

    def feed_url(self):
        return reverse("portal:unit-feed", args=[self.unit.pk])


class PortalCategoryView(PortalListView):
    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def articles(self):
        return super().articles().filter(categories=self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "heading": self.category.name, "category": self.category}

    def feed_url(self):
        return reverse("portal:category-feed", args=[self.category.slug])


class PortalArticleView(generic.DetailView):
    """One published article with its photos and "Tin khác"; anything else answers 404, as if it did not exist."""

    template_name = "news/portal_article.html"

    def get_queryset(self):
        return Article.objects.published().select_related("unit")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if kwargs.get("slug") != (self.object.slug or "bai"):
            return HttpResponsePermanentRedirect(self.object.public_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "photos": self.object.photos.all(),
                "others": queries.with_thumbnails(queries.other_articles(self.object)), "categories": self.object.categories.all()}


class PortalPhotoView(generic.DetailView):
    """A photo of a published article, at the page's size or as a thumbnail; re-encoded on upload, shown inline."""

    thumbnail = False

    def get_queryset(self):
        return ArticlePhoto.objects.published()

    def render_to_response(self, context, **response_kwargs):
        stored = self.object.thumbnail if self.thumbnail and self.object.thumbnail else self.object.image
        if not stored:
            raise Http404
        response = FileResponse(stored.open("rb"), filename=stored.name.rsplit("/", 1)[-1])
        response["Cache-Control"] = "public, max-age=86400"
        return response
