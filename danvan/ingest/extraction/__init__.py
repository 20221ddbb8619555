"""Reading Dân vận reports and news: text, HTML, .docx, PDF or a scan in, ``danvan.extract/1`` out.

Pure Python (no Django, no database): ``extract_text`` and ``extract_file``
return the schema object; ``extract_with_spans`` adds where each item is.
"""

from .core import SCHEMA, extract_text, extract_with_spans
from .reading import ReadError, extract_file, read_document

__all__ = ["SCHEMA", "ReadError", "extract_file", "extract_text", "extract_with_spans", "read_document"]
