"""Builders for the URL walk: the people app's possible duplicates."""


def _candidate(unit, marker, pk):
    from danvan.people.tests.factories import DuplicateCandidateFactory, PersonFactory

    return DuplicateCandidateFactory(id=pk, first=PersonFactory(unit=unit, full_name=f"{marker} 1"),
                                     second=PersonFactory(unit=unit, full_name=f"{marker} 2"))


def _import_run(unit, marker, pk):
    from django.core.files.base import ContentFile

    from danvan.accounts.tests.factories import UserFactory
    from danvan.people.models import ImportRun

    run = ImportRun(id=pk, unit=unit, started_by=UserFactory(unit=unit))
    run.file.save(f"{marker}.csv", ContentFile(b"x"), save=False)
    run.save()
    return run


def walk_builders():
    from danvan.people.models import DuplicateCandidate, ImportRun

    return {DuplicateCandidate: _candidate, ImportRun: _import_run}
