"""``danvan extract FILE [FILE ...] --format jsonl`` (schema ``danvan.extract/1``)."""

from django.core.management.base import BaseCommand, CommandError

from danvan.ingest.extraction.cli import FORMATS, run


class Command(BaseCommand):
    help = "Đọc tin bài, báo cáo (.txt, .html, .docx, .pdf, ảnh quét .png, .jpg) và in một dòng JSON cho mỗi tệp."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--format", choices=FORMATS, default="jsonl")

    def handle(self, *args, **options):
        if run(options["files"], self.stdout, self.stderr):
            raise CommandError("Có tệp không đọc được (xem trường \"error\").", returncode=1)
