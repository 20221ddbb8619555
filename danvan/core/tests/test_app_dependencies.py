"""The apps depend on each other one way only, and ``core`` on none of them.

Read from the source with ``ast`` (imports inside functions count too), outside tests and migrations:
an edge ``a -> b`` is any ``import danvan.b…`` / ``from danvan.b… import`` in app ``a``.
"""

import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[2]
SKIPPED = {"tests", "migrations"}


def apps_of(package):
    return sorted(path.name for path in package.iterdir() if (path / "apps.py").exists())


def imported_apps(source, apps):
    """The ``danvan.<app>`` packages a module imports."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "danvan" and len(parts) > 1 and parts[1] in apps:
                found.add(parts[1])
    return found


def dependency_graph(package=PACKAGE):
    """{app: {app it imports: [modules that do]}}"""
    apps = set(apps_of(package))
    graph = {app: {} for app in apps}
    for app in apps:
        for module in (package / app).rglob("*.py"):
            if SKIPPED.intersection(module.relative_to(package / app).parts[:-1]):
                continue
            for other in imported_apps(module.read_text(encoding="utf-8"), apps) - {app}:
                graph[app].setdefault(other, []).append(str(module.relative_to(package)))
    return graph


def find_cycle(graph):
    """One cycle as a list of apps (first == last), or None."""
    state, stack = {}, []

    def visit(app):
        state[app] = "open"
        stack.append(app)
        for other in sorted(graph.get(app, ())):
            if state.get(other) == "open":
                return stack[stack.index(other):] + [other]
            if other not in state:
                cycle = visit(other)
                if cycle:
                    return cycle
        stack.pop()
        state[app] = "done"
        return None

    for app in sorted(graph):
        if app not in state:
            cycle = visit(app)
            if cycle:
                return cycle
    return None


def test_the_apps_import_each_other_one_way_only():
    graph = dependency_graph()
    cycle = find_cycle(graph)
    where = [graph[a][b] for a, b in zip(cycle, cycle[1:])] if cycle else []
    assert cycle is None, f"import cycle {' -> '.join(cycle)} through {where}"


def test_core_imports_no_domain_app():
    assert dependency_graph()["core"] == {}


def test_awards_depends_on_movement_and_never_the_reverse():
    graph = dependency_graph()
    assert "awards" not in graph["movement"]


@pytest.mark.parametrize("source, expected", [
    ("from danvan.awards.models import Recipient", {"awards"}),
    ("import danvan.awards.queries", {"awards"}),
    ("def f():\n    from danvan.awards import models\n", {"awards"}),
    ("from .models import X\nfrom danvan import settings\nimport os", set()),
])
def test_imports_are_read_wherever_they_are(source, expected):
    assert imported_apps(source, {"awards", "movement"}) == expected


def test_a_cycle_is_found():
    assert find_cycle({"movement": {"awards": []}, "awards": {"movement": []}, "core": {}}) == ["awards", "movement", "awards"]
    assert find_cycle({"awards": {"movement": [], "core": []}, "movement": {"core": []}, "core": {}}) is None
