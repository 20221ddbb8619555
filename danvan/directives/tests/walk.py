"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): one record per model in a unit, with a marker."""

from django.core.files.base import ContentFile

from danvan.directives.tests.factories import DirectiveFactory, ImplementationFactory, ObligationFactory

PDF = b"%PDF-1.4\n%walk\n"


def _directive(unit, marker, pk):
    # Issued by a body of the unit that has a head, so that its implementation report can be signed.
    from danvan.people.tests.factories import PositionFactory

    head = PositionFactory(person__unit=unit, title="Chủ tịch")
    directive = DirectiveFactory(id=pk, unit=unit, subject=marker, issuing_organization=head.organization)
    directive.file.save("van-ban.pdf", ContentFile(PDF), save=True)
    return directive


def _implementation(unit, marker, pk):
    return ImplementationFactory(id=pk, directive=DirectiveFactory(unit=unit, subject=f"{marker} gốc"), unit=unit, description=marker)


def _obligation(unit, marker, pk):
    return ObligationFactory(id=pk, directive=DirectiveFactory(unit=unit, subject=f"{marker} văn bản"), title=marker)


def walk_builders():
    from danvan.directives.models import Directive, Implementation, Obligation

    return {Directive: _directive, Implementation: _implementation, Obligation: _obligation}
