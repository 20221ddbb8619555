"""Records of the review queue, for tests and for the URL walk's registry.

The walk (danvan/core/tests/test_url_walk.py) needs one builder per model an
ingest URL shows; ``RECORD_BUILDERS`` are those builders, to be added to
``danvan.core.tests.factories.RECORD_IN_UNIT``.
"""

from django.core.files.base import ContentFile

from danvan.ingest.models import Batch, ProposedItem, SourceDocument

SAMPLE = """Hội nghị sơ kết phong trào Dân vận khéo xã Bình An

Ngày 12/5/2025, Ban Dân vận Đảng ủy xã Bình An tổ chức hội nghị sơ kết 6 tháng thực hiện Nghị quyết 25-NQ/TW về công tác dân vận.
Đồng chí Nguyễn Văn Tám, Chủ tịch Hội Nông dân xã Bình An, báo cáo kết quả mô hình "Cánh đồng mẫu lớn" ở ấp Mới.
Bà Lê Thị Hoa, Phó Chủ tịch Ủy ban MTTQ Việt Nam xã Bình An, phát biểu.
"""


def source_document(unit, marker, pk=None):
    document = SourceDocument(
        pk=pk, unit=unit, title=marker, original_name=f"{marker}.txt", text=marker,
        status=SourceDocument.Status.EXTRACTED, batch=Batch.objects.create(unit=unit, total=1, done=1, status=Batch.Status.FINISHED),
    )
    document.file.save(f"walk-{pk}.txt", ContentFile(marker.encode()), save=False)
    document.save()
    return document


def proposed_item(unit, marker, pk=None):
    document = source_document(unit, f"{marker} tài liệu")
    return ProposedItem.objects.create(
        pk=pk, document=document, kind=ProposedItem.Kind.PERSON, data={"name": marker, "titles": []}, spans=[[0, 5]]
    )


def batch(unit, marker, pk=None):
    made = Batch.objects.create(pk=pk, unit=unit, total=1, done=1, status=Batch.Status.FINISHED)
    source_document(unit, marker).__class__.objects.filter(title=marker).update(batch=made)
    return made


RECORD_BUILDERS = {SourceDocument: source_document, ProposedItem: proposed_item, Batch: batch}
