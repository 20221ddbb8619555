"""Benchmark: 1,000 certificates of one commendation decision and 100 mission reports, as .docx and as PDF.

Each document is issued the way its download issues it (numbered, rendered with docxtpl from the format's
data, stored, its PDF queued), one after another, warm. Then a sample of them becomes PDF the way the
background task does it, many documents per LibreOffice run (``--pdf-sample``, all of them with ``--pdf-sample 0``).

The floors: for .docx, python-docx alone saving the same empty A4 document (Times New Roman, the format's
margins); for PDF, LibreOffice converting as many of those empty documents in runs of the same size.
Peak memory is the process's resident peak (ru_maxrss) after each part, and tracemalloc's peak over 20
certificates. One line per measure, then ``max_ratio=X``:

    ratio NAME PROJECT_MS FLOOR_MS RATIO DOCUMENTS_PER_SECOND DOCUMENTS

PROJECT_MS and FLOOR_MS are milliseconds per document (medians for .docx; total over count for PDF).

    .venv/bin/python bench/bench_documents.py [--scale 1] [--pdf-sample 100]

SQLite in a temporary DANVAN_DATA_DIR; PostgreSQL (database danvan_bench) when DANVAN_DATABASE_URL is set.
"""

import datetime
import io
import resource
import statistics
import sys
import time
import tracemalloc

from _measure import arguments
from _setup import fresh_database

CERTIFICATES, REPORTS = 1_000, 100


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def world(certificates, reports):
    """A district with a UBND that commends ``certificates`` collectives in one decision, and ``reports`` missions
    led by the district's Ban Dân vận, each with a leader to sign."""
    from danvan.accounts.models import User
    from danvan.awards.models import Recipient
    from danvan.awards.tests.factories import DecisionFactory
    from danvan.core.choices import Role
    from danvan.organizations.models import Organization
    from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
    from danvan.oversight.choices import FindingPart
    from danvan.oversight.models import Finding
    from danvan.oversight.tests.documents import mission_with_leader
    from danvan.units.tests.factories import LegacyCommuneFactory, LegacyDistrictFactory, LegacyProvinceFactory

    province = LegacyProvinceFactory(name="Kiên Giang", code="91")
    district = LegacyDistrictFactory(name="Châu Thành", parent=province)
    commune = LegacyCommuneFactory(name="Minh Hòa", parent=district)
    ubnd = OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")
    decision = DecisionFactory(issuing_body=OrganizationFactory(unit=district, name="Ủy ban nhân dân huyện Châu Thành", kind=ubnd),
                               reason="Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” giai đoạn 2016 - 2020",
                               signer="Lê Văn Bình", signer_title="Phó Chủ tịch UBND huyện")
    branches = Organization.objects.bulk_create(
        [Organization(unit=commune, name=f"Chi hội Nông dân ấp {n}", kind=ubnd) for n in range(1, certificates + 1)])
    if not branches[0].pk:
        branches = list(Organization.objects.filter(unit=commune).order_by("pk"))
    Recipient.objects.bulk_create([Recipient(decision=decision, kind="collective", organization=branch,
                                             achievement="Có mô hình “Tổ hợp tác trồng lúa sạch”") for branch in branches])
    missions = []
    for n in range(reports):
        mission, _leader = mission_with_leader(district, subject=f"Khảo sát mô hình “Dân vận khéo” số {n + 1}",
                                               planned_start=datetime.date(2026, 3, 2), planned_end=datetime.date(2026, 3, 6))
        for part, text in ((FindingPart.STRENGTH, "Quy chế dân chủ ở cơ sở được mở rộng."), (FindingPart.SHORTCOMING, "Việc đối thoại còn hình thức.")):
            Finding.objects.create(mission=mission, part=part, text=text)
        missions.append(mission)
    user = User.objects.create(username="bench-documents", unit=district, role=Role.EDITOR)
    return user, decision, list(decision.recipients.order_by("pk")), missions


def empty_a4():
    """The floor's document: python-docx's own, on A4 with the Party format's margins and font, saved."""
    import docx
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    document.styles["Normal"].font.name = "Times New Roman"
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def each_timed(items, action):
    """[ms] of ``action(item)`` for each item (the debug query log emptied each time: it is no part of the cost)."""
    from django.db import reset_queries

    times = []
    for item in items:
        reset_queries()
        started = time.perf_counter()
        action(item)
        times.append((time.perf_counter() - started) * 1000)
    return times


def pdf_runs(contents, batch):
    """Milliseconds to convert ``contents`` in LibreOffice runs of ``batch`` documents."""
    from danvan.core.pdf import docx_to_pdfs

    started = time.perf_counter()
    for start in range(0, len(contents), batch):
        pdfs = docx_to_pdfs(contents[start:start + batch])
        assert all(pdf and pdf.startswith(b"%PDF") for pdf in pdfs)
    return (time.perf_counter() - started) * 1000


def main():
    args = arguments(__doc__, **{"pdf-sample": {"type": int, "default": 100,
                                                 "help": "documents made PDF (default 100; 0: every one issued)"}})
    fresh_database()
    from danvan.awards.documents import certificate, decision_document
    from danvan.core.documents.models import Document
    from danvan.core.documents.services import PDF_BATCH, attach_pdfs
    from danvan.core.pdf import libreoffice
    from danvan.oversight.reports import mission_report

    certificates, reports = max(1, int(CERTIFICATES * args.scale)), max(1, int(REPORTS * args.scale))
    started = time.perf_counter()
    user, decision, recipients, missions = world(certificates, reports)
    print(f"# built one decision with {certificates:,} recipients and {reports:,} missions in {time.perf_counter() - started:.1f} s; "
          f"peak memory {peak_mb():.0f} MB", flush=True)

    floor = each_timed(range(200), lambda _: empty_a4())
    floor_ms = statistics.median(floor)
    started = time.perf_counter()
    decision_document(user, decision)  # the decision the certificates cite, with its list of every recipient
    print(f"# the decision with its {certificates:,}-row list: {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)

    # tracemalloc slows what it traces: its certificates are issued apart, and left out of the timing.
    traced = recipients[: max(1, min(20, len(recipients) // 10))]
    tracemalloc.start()
    for recipient in traced:
        certificate(user, recipient)
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"# tracemalloc peak over {len(traced)} certificates: {traced_peak / 1024 / 1024:.1f} MB", flush=True)
    lines = []
    started = time.perf_counter()
    times = each_timed(recipients[len(traced):], lambda recipient: certificate(user, recipient))
    total = (time.perf_counter() - started) * 1000
    lines.append(("certificate_docx", statistics.median(times), floor_ms, len(times), total))
    print(f"# {len(times):,} certificates: {total / 1000:.1f} s, median {statistics.median(times):.1f} ms, "
          f"p95 {sorted(times)[int(len(times) * 0.95) - 1]:.1f} ms; peak memory {peak_mb():.0f} MB", flush=True)
    started = time.perf_counter()
    times = each_timed(missions, lambda mission: mission_report(user, mission, issued_on=datetime.date(2026, 3, 9)))
    total = (time.perf_counter() - started) * 1000
    lines.append(("mission_report_docx", statistics.median(times), floor_ms, len(times), total))
    print(f"# {len(times):,} mission reports: {total / 1000:.1f} s, median {statistics.median(times):.1f} ms; "
          f"peak memory {peak_mb():.0f} MB", flush=True)
    print(f"# floor: python-docx saves an empty A4 document in {floor_ms:.2f} ms (median of {len(floor)})", flush=True)

    if libreoffice() is None:
        print("# LibreOffice is not installed: no PDF measured")
    else:
        issued = Document.objects.exclude(source_key="decision").order_by("pk")
        kinds = [list(issued.filter(type__code=code).values_list("pk", flat=True)) for code in ("certificate", "report")]
        step = 1 if args.pdf_sample <= 0 else max(1, -(-issued.count() // args.pdf_sample))
        sample = [pk for pks in kinds for pk in pks[::step]]  # both kinds in proportion
        issued = issued.count()
        started = time.perf_counter()
        for start in range(0, len(sample), PDF_BATCH):  # as the background task does: one run per batch
            attach_pdfs(sample[start:start + PDF_BATCH])
        project_ms = (time.perf_counter() - started) * 1000
        assert Document.objects.filter(pk__in=sample).exclude(pdf="").count() == len(sample)
        empties = [empty_a4()] * len(sample)
        pdf_floor_ms = pdf_runs(empties, PDF_BATCH)
        lines.append(("pdf_background", project_ms / len(sample), pdf_floor_ms / len(sample), len(sample), project_ms))
        one = min(5, len(sample))
        contents = [Document.objects.get(pk=pk).file.read() for pk in sample[:one]]
        alone_ms = pdf_runs(contents, 1)
        kinds = Document.objects.filter(pk__in=sample)
        print(f"# PDF sample: {len(sample)} of {issued:,} documents ({kinds.filter(type__code='certificate').count()} certificates, "
              f"{kinds.filter(type__code='report').count()} reports), in runs of {PDF_BATCH}: {project_ms / 1000:.1f} s; one LibreOffice run per document "
              f"would take {alone_ms / one:.0f} ms each ({one} tried); peak memory {peak_mb():.0f} MB", flush=True)
        print(f"# PDF floor: LibreOffice converts {len(sample)} empty A4 documents in runs of {PDF_BATCH}: {pdf_floor_ms / 1000:.1f} s", flush=True)

    worst = 0.0
    for name, project_ms, floor_ms, count, total in lines:
        ratio = project_ms / floor_ms
        worst = max(worst, ratio)
        print(f"ratio {name} {project_ms:.2f} {floor_ms:.2f} {ratio:.2f} {count / (total / 1000):.1f} {count}")
    print(f"# peak memory (ru_maxrss) {peak_mb():.0f} MB")
    print(f"max_ratio={worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
