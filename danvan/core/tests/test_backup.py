"""`danvan backup` and `danvan restore`: one archive round-trips every record, the audit log and the uploads."""

import datetime
import io
import json
import re
import tarfile

import pytest
from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils.translation import gettext, override
from PIL import Image

from danvan.core import backup
from danvan.core.choices import Role
from danvan.core.services import save_record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _data_in_tmp(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "var" / "media"
    settings.MEDIA_ROOT.mkdir(parents=True)


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def build_world(tree, make_user):
    """A small commune's work, through the services where they exist: records of several apps, uploads, audit entries."""
    from danvan.awards.tests.factories import RecipientFactory
    from danvan.directives.tests.factories import ImplementationFactory
    from danvan.ingest import services as ingest
    from danvan.ingest.tests.factories import SAMPLE
    from danvan.movement import services as movement
    from danvan.movement.choices import AttachmentKind
    from danvan.movement.models import Initiative
    from danvan.movement.tests.factories import FieldFactory, PhaseFactory
    from danvan.organizations.tests.factories import OrganizationFactory
    from danvan.oversight.tests.factories import FollowUpFactory, MeetingFactory
    from danvan.people.models import Person

    editor = make_user(tree.cc1, role=Role.EDITOR)
    approver = make_user(tree.cc1, role=Role.APPROVER)
    farmers = OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An")
    OrganizationFactory(unit=tree.cc1, name="Ủy ban MTTQ Việt Nam xã Bình An")
    for name in ("Nguyễn Văn Tám", "Lê Thị Hoa", "Trần Văn Ba"):
        save_record(editor, Person(full_name=name, unit=tree.cc1))
    for number in range(3):
        initiative = movement.register_initiative(editor, Initiative(
            name=f"Mô hình “Cánh đồng mẫu lớn” {number}", unit=tree.cc1, owner_organization=farmers,
            phase=PhaseFactory(start_year=2021, end_year=2025), registration_year=2022,
        ), fields=[FieldFactory()])
        movement.submit(editor, initiative)
        movement.approve_registration(approver, initiative)
        movement.record_result(editor, initiative, date=datetime.date(2023, 5, 1), text="50 hộ thoát nghèo", beneficiaries=50)
        movement.add_attachment(editor, initiative, file=SimpleUploadedFile(f"anh-{number}.png", png()),
                                kind=AttachmentKind.PHOTO, is_public=True)
    ingest.start_upload(editor, tree.cc1, [SimpleUploadedFile("hội-nghị.txt", SAMPLE.encode())])
    ImplementationFactory(unit=tree.cc1, directive__unit=tree.cc1)
    FollowUpFactory(mission__unit=tree.cc1)
    MeetingFactory(unit=tree.cc1)
    RecipientFactory(decision__issuing_body=farmers)


def media_of(root):
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def fingerprint_of(database):
    raw = backup.raw_connection(database)
    try:
        return backup.fingerprint(raw.cursor(), backup.vendor_of(database))
    finally:
        raw.close()


@pytest.fixture
def empty_database(tmp_path):
    """A second, empty database of the engine under test: a new file on SQLite, a new database on PostgreSQL."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        yield {**settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"{settings_dict['NAME']}_restore"[:63]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**settings_dict, "NAME": name}
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)  # pg_dump and SQLite's backup read what is committed, as in production
def test_a_backup_restored_into_an_empty_database_holds_every_record_and_file_unchanged(
        tree, make_user, settings, tmp_path, empty_database):
    build_world(tree, make_user)
    before = backup.fingerprint(connection.cursor(), connection.vendor)
    uploads = media_of(settings.MEDIA_ROOT)
    entries = LogEntry.objects.count()
    assert entries > 20 and len(uploads) == 4, "the world has an audit trail and uploaded photos and documents"
    assert {"movement_initiative", "people_person", "ingest_sourcedocument", "awards_recipient", "oversight_followup",
            "directives_implementation"} <= {table for table, (rows, _) in before.items() if rows}

    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    assert LogEntry.objects.count() == entries, "taking a backup writes nothing"

    restored_media = tmp_path / "restored" / "media"
    staged = backup.stage(archive, database=empty_database, media_root=restored_media)
    counts = backup.restore(staged, database=empty_database, media_root=restored_media)
    assert counts["auditlog_logentry"] == entries
    after = fingerprint_of(empty_database)
    assert after == before, [table for table in before if after.get(table) != before[table]]
    assert media_of(restored_media) == uploads

    # Over a database that has changed since, a restore brings back the backup's state exactly.
    raw = backup.raw_connection(empty_database)
    with raw:
        raw.cursor().execute("DELETE FROM auditlog_logentry")
    raw.close()
    (restored_media / "extra.txt").write_text("không có trong bản sao lưu")
    backup.restore(backup.stage(archive, database=empty_database, media_root=restored_media),
                   database=empty_database, media_root=restored_media)
    assert fingerprint_of(empty_database) == before
    assert media_of(restored_media) == uploads
    assert not [path for path in restored_media.parent.iterdir() if path.name.startswith(".")], "no staging left behind"


@pytest.mark.django_db(transaction=True)  # a backup reads what is committed
def test_backup_writes_a_dated_archive_under_the_data_folder_with_its_manifest(tree, settings):
    (settings.MEDIA_ROOT / "ingest").mkdir()
    (settings.MEDIA_ROOT / "ingest" / "báo-cáo.txt").write_text("Báo cáo")
    output = io.StringIO()
    call_command("backup", stdout=output)
    [archive] = (settings.DATA_DIR / "backups").iterdir()
    assert re.fullmatch(r"danvan-\d{8}-\d{6}\.tar\.gz", archive.name)
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest = json.load(opened.extractfile("manifest.json"))
    assert names[0] == "manifest.json" and "media/ingest/báo-cáo.txt" in names
    assert manifest["format"] == "danvan-backup" and manifest["engine"] == connection.vendor
    assert manifest["tables"]["units_unit"] == 14 and "0001_initial" in manifest["migrations"]["units"]
    assert str(archive) in output.getvalue()


def unchanged_state(settings):
    return backup.fingerprint(connection.cursor(), connection.vendor), media_of(settings.MEDIA_ROOT)


def refused(path, settings):
    """Run `danvan restore --yes path`; return its message, having checked that nothing changed."""
    before = unchanged_state(settings)
    with override("vi"), pytest.raises(CommandError) as error:
        call_command("restore", str(path), "--yes")
    assert unchanged_state(settings) == before
    assert not [p for p in settings.MEDIA_ROOT.parent.iterdir() if p.name.startswith(".danvan-restore-")]
    return str(error.value)


def not_ours():
    with override("vi"):
        return gettext("This file is not a Dân Vận backup, or it is damaged; nothing was changed.")


def write_archive(path, manifest, members=()):
    with tarfile.open(path, "w:gz") as archive:
        for name, data in [("manifest.json", json.dumps(manifest).encode()), *members]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_a_restore_of_a_file_that_is_not_an_archive_is_refused_and_changes_nothing(tree, settings, tmp_path):
    (settings.MEDIA_ROOT / "giu-nguyen.txt").write_text("phải còn nguyên")
    text = tmp_path / "bao-cao.tar.gz"
    text.write_text("Đây không phải là bản sao lưu")
    assert refused(text, settings) == not_ours()
    other_tar = write_archive(tmp_path / "khac.tar.gz", {"hello": "world"})
    assert refused(other_tar, settings) == not_ours()


@pytest.mark.django_db(transaction=True)  # a backup reads what is committed
def test_a_damaged_or_tampered_archive_is_refused_and_changes_nothing(tree, settings, tmp_path):
    (settings.MEDIA_ROOT / "anh.png").write_bytes(png())
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    data = archive.read_bytes()
    truncated = tmp_path / "cut.tar.gz"
    truncated.write_bytes(data[: len(data) // 2])
    assert refused(truncated, settings) == not_ours()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(bytes(flipped))
    assert refused(damaged, settings) == not_ours()
    # A well-formed archive whose photo was swapped after the backup: its checksum gives it away.
    with tarfile.open(archive) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
        database = opened.extractfile(manifest["database"]["member"]).read()
    swapped = write_archive(tmp_path / "swapped.tar.gz", manifest,
                            [(manifest["database"]["member"], database), ("media/anh.png", b"not the photo")])
    assert refused(swapped, settings) == not_ours()
    # And one that would write outside the media folder.
    escaping = write_archive(tmp_path / "escape.tar.gz", {**manifest, "media": {"../evil.txt": "0"}},
                             [(manifest["database"]["member"], database), ("media/../evil.txt", b"x")])
    assert refused(escaping, settings) == not_ours()
    assert not (settings.MEDIA_ROOT.parent / "evil.txt").exists()


def test_an_archive_of_the_other_engine_or_a_newer_version_is_refused(tree, settings, tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    manifest = {"format": "danvan-backup", "format_version": 1, "engine": other,
                "database": {"member": backup.DATABASE_MEMBER[other], "sha256": "0"}, "media": {}, "tables": {}, "migrations": {}}
    message = refused(write_archive(tmp_path / "other.tar.gz", manifest), settings)
    with override("vi"):
        assert message == gettext(
            "This backup is of a %(archive)s database and this installation uses %(here)s; nothing was changed."
        ) % {"archive": backup.ENGINE_NAMES[other], "here": backup.ENGINE_NAMES[connection.vendor]}
    newer = {**manifest, "engine": connection.vendor, "database": {"member": backup.DATABASE_MEMBER[connection.vendor]},
             "migrations": {"units": ["9999_from_the_future"]}}
    message = refused(write_archive(tmp_path / "newer.tar.gz", newer), settings)
    assert "units.9999_from_the_future" in message


@pytest.mark.django_db(transaction=True)  # a backup reads what is committed
def test_a_restore_asks_first_and_a_no_changes_nothing(tree, settings, tmp_path, monkeypatch):
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    (settings.MEDIA_ROOT / "moi.txt").write_text("tải lên sau khi sao lưu")
    before = unchanged_state(settings)
    questions = []
    monkeypatch.setattr("builtins.input", lambda question: questions.append(question) or "không")
    output = io.StringIO()
    with override("vi"):
        call_command("restore", str(archive), stdout=output)
        assert gettext("Restore cancelled; nothing was changed.") in output.getvalue()
    assert len(questions) == 1 and unchanged_state(settings) == before


def test_without_pg_dump_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with override("vi"), pytest.raises(backup.BackupError) as error:
        backup._pg_tool("pg_dump")
    assert "pg_dump" in str(error.value) and "postgresql-client" in str(error.value)


def test_loaddata_brings_records_back_without_false_audit_entries(tree, make_user, tmp_path):
    from danvan.people.models import Person

    editor = make_user(tree.cc1, role=Role.EDITOR)
    for name in ("Nguyễn Văn Tám", "Lê Thị Hoa"):
        save_record(editor, Person(full_name=name, unit=tree.cc1))
    dump = tmp_path / "people.json"
    call_command("dumpdata", "people.person", output=str(dump), verbosity=0)
    with disable_auditlog():
        Person.objects.all().delete()
    entries = LogEntry.objects.count()
    call_command("loaddata", str(dump), verbosity=0)
    assert Person.objects.count() == 2
    assert LogEntry.objects.count() == entries, "loading a dump is not a creation"


def test_restoring_an_older_backup_says_to_migrate():
    from django.db.migrations.loader import MigrationLoader

    applied = {}
    for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations:
        applied.setdefault(app, []).append(name)
    assert not backup.is_older_than_code({"migrations": applied})
    applied["ingest"] = [name for name in applied["ingest"] if name != "0002_batch_recovery"]
    assert backup.is_older_than_code({"migrations": applied})
