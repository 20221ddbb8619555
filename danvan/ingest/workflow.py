"""The lifecycle of a source document in the review queue."""

from danvan.core.choices import Role
from danvan.core.workflow import Step, Workflow
from danvan.ingest.models import SourceDocument

S = SourceDocument.Status

DOCUMENT_FLOW = Workflow({
    (S.UPLOADED, S.EXTRACTED): Step(Role.EDITOR),
    (S.EXTRACTED, S.REVIEWED): Step(Role.EDITOR),
    (S.EXTRACTED, S.CREATED): Step(Role.EDITOR),
    (S.REVIEWED, S.CREATED): Step(Role.EDITOR),
})
