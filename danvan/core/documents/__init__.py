"""Official documents, one mechanism for every app: formats and types as data, .docx templates,
the numbered register and the one service that issues (``core.documents.services.issue_document``)."""
