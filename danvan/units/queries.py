"""Read-side questions about units: roots of a user's scope, lineage, a unit's surroundings."""

from django.db.models import Count, Prefetch

from danvan.core.scoping import PATH_SEGMENT_WIDTH, Scope
from danvan.units.models import Unit


def scope_roots(user):
    """The top units a user reaches: the roots of each subtree of their scope, current and legacy."""
    scope = Scope.for_user(user)
    if scope.is_everything:
        roots = Unit.objects.filter(parent__isnull=True)
    else:
        roots = Unit.objects.filter(pk__in=[int(path[-PATH_SEGMENT_WIDTH:]) for path in scope.paths])
    roots = with_lineage(roots.annotate(child_count=Count("children"))).order_by("search_text")
    return [u for u in roots if not u.is_legacy], [u for u in roots if u.is_legacy]


def children_of(unit):
    # search_text is the folded "type name", so this sorts by type word, then name, as people read them.
    return with_lineage(unit.children.annotate(child_count=Count("children"))).order_by("search_text")


def with_lineage(units):
    """Prefetch what each unit became and came from, so a tree of lineage costs two queries."""
    return units.prefetch_related(
        Prefetch("successors", queryset=Unit.objects.select_related("parent").order_by("name")),
        Prefetch("predecessors", queryset=Unit.objects.select_related("parent").order_by("name")),
    )

