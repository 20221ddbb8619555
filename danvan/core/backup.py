"""One archive holds everything: the database and the uploaded files, taken while the server runs.

The archive is a .tar.gz with ``manifest.json`` first, then the database
(``database.sqlite3``: a copy made through SQLite's online backup API; or
``database.pgdump``: ``pg_dump`` in custom format) and the uploaded files under
``media/``. The manifest says what the archive is (format, version, engine,
date), the migrations the database had, the rows of every table and a SHA-256 of
every member, so that a restore can refuse an archive that is not ours, of the
other engine, made by a newer version, or damaged, before changing anything.

A restore brings the database back through the same tools in the other direction
(the backup API into the configured SQLite file; ``pg_restore --clean --if-exists
--no-owner`` in one transaction on PostgreSQL), then swaps the uploaded files in.
Neither goes through Django's models, so the audit log comes back exactly as it
was and gains no entry.
"""

import dataclasses
import datetime
import gzip
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "danvan-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is for the person at the console."""


@dataclasses.dataclass
class Staged:
    """An archive checked and unpacked beside the data, ready to replace it."""

    manifest: dict
    directory: Path

    @property
    def database(self):
        return self.directory / self.manifest["database"]["member"]

    @property
    def media(self):
        return self.directory / MEDIA

    def discard(self):
        shutil.rmtree(self.directory, ignore_errors=True)


# ---------------------------------------------------------------- reading a database


def quote(name):
    return '"' + name.replace('"', '""') + '"'


def list_tables(cursor, vendor):
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    return [row[0] for row in cursor.fetchall()]


def count_rows(cursor, vendor, tables=None):
    counts = {}
    for table in list_tables(cursor, vendor) if tables is None else tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _row_texts(cursor, vendor, table):
    """Every row of ``table`` as the engine itself writes it, whatever the driver would convert."""
    if vendor == "sqlite":
        cursor.execute(f"SELECT name FROM pragma_table_info('{table}')")
        columns = " || '|' || ".join(f"quote({quote(column)})" for (column,) in cursor.fetchall())
        cursor.execute(f"SELECT {columns} FROM {quote(table)}")
    else:
        cursor.execute(f"SELECT t::text FROM {quote(table)} AS t")
    return sorted(row[0] for row in cursor.fetchall())


def fingerprint(cursor, vendor):
    """{table: (rows, SHA-256 of every row)}: equal for two databases that hold the same records."""
    result = {}
    for table in list_tables(cursor, vendor):
        rows = _row_texts(cursor, vendor, table)
        digest = hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()
        result[table] = (len(rows), digest)
    return result


def _applied_migrations(cursor):
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    applied = {}
    for app, name in cursor.fetchall():
        applied.setdefault(app, []).append(name)
    return applied


def raw_connection(database):
    """A plain DB-API connection to ``database`` (a Django settings dict), outside Django's handler."""
    from django.db.utils import load_backend

    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = str(database["NAME"])
        return sqlite3.connect(name, uri=name.startswith("file:"))
    wrapper = load_backend(database["ENGINE"]).DatabaseWrapper(database, alias="danvan-backup")
    return wrapper.Database.connect(**wrapper.get_connection_params())


def vendor_of(database):
    engine = database["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        return "sqlite"
    if engine.startswith("django.db.backends.postgresql"):
        return "postgresql"
    raise BackupError(_("Backup supports SQLite and PostgreSQL databases only."))


# ---------------------------------------------------------------- PostgreSQL tools


def _pg_tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            _("The program %(program)s was not found: install the PostgreSQL client tools "
              "(the postgresql-client package, of the same or a newer version than the server) and try again.")
            % {"program": name}
        )
    return path


def _pg_arguments(database):
    """The connection's parts as command-line options and environment, never a password on the command line."""
    arguments = []
    if database.get("HOST"):
        arguments += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", str(database["USER"])]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    if (database.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = str(database["OPTIONS"]["sslmode"])
    return arguments + ["--no-password"], env


def _run(command, env):
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout or "").strip().splitlines()[-5:]
        raise BackupError(
            _("%(program)s failed: %(detail)s") % {"program": Path(command[0]).name, "detail": " ".join(detail)}
        )


# ---------------------------------------------------------------- backup


def default_path():
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"danvan-{stamp}.tar.gz"


def _snapshot_sqlite(connection, directory):
    """Copy the live database page by page through SQLite's backup API, one consistent moment."""
    target_path = directory / DATABASE_MEMBER["sqlite"]
    if connection.in_atomic_block:
        # The backup API would wait for ever on the connection's own write lock.
        raise RuntimeError("A backup reads committed data: take it outside a transaction.")
    connection.ensure_connection()
    target = sqlite3.connect(target_path)
    try:
        connection.connection.backup(target)
        # The copy travels as one file: no write-ahead log beside it.
        target.execute("PRAGMA journal_mode=DELETE")
        cursor = target.cursor()
        return target_path, count_rows(cursor, "sqlite"), _applied_migrations(cursor)
    finally:
        target.close()


def _snapshot_postgresql(connection, directory):
    """pg_dump of one exported snapshot, and the row counts of that same snapshot."""
    pg_dump = _pg_tool("pg_dump")
    database = connection.settings_dict
    target_path = directory / DATABASE_MEMBER["postgresql"]
    raw = raw_connection(database)
    try:
        raw.autocommit = True
        cursor = raw.cursor()
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        arguments, env = _pg_arguments(database)
        _run([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target_path}", *arguments,
              "--dbname", str(database["NAME"])], env)
        counts, migrations = count_rows(cursor, "postgresql"), _applied_migrations(cursor)
        cursor.execute("COMMIT")
    finally:
        raw.close()
    return target_path, counts, migrations


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_files(media_root):
    if not media_root.is_dir():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file() and not path.is_symlink())


def _freeze_media(media_root, directory):
    """Hard links (copies across disks) of the uploaded files as they are now: {relative name: SHA-256}.

    Uploads are never rewritten in place, only added and deleted, so a link holds
    the file as it was even if the server deletes it before the archive is written.
    """
    media = {}
    for file_path in _media_files(media_root):
        relative = file_path.relative_to(media_root).as_posix()
        frozen = directory / relative
        frozen.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(file_path, frozen)
        except FileNotFoundError:
            continue  # deleted by the server meanwhile
        except OSError:
            try:
                shutil.copy2(file_path, frozen)
            except FileNotFoundError:
                continue
        media[relative] = _sha256(frozen)
    return media


def create_backup(path=None, *, using="default", media_root=None):
    """Write the archive to ``path`` (default: ``var/backups/danvan-<date>.tar.gz``); return (path, manifest)."""
    connection = connections[using]
    vendor = vendor_of(connection.settings_dict)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    # Beside the uploads, so that the files can be hard-linked rather than copied.
    directory = Path(tempfile.mkdtemp(prefix=".danvan-backup-", dir=media_root.parent))
    try:
        snapshot = _snapshot_sqlite if vendor == "sqlite" else _snapshot_postgresql
        database_path, counts, migrations = snapshot(connection, directory)
        media = _freeze_media(media_root, directory / MEDIA)
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "engine": vendor,
            "created_at": timezone.now().isoformat(),
            "database": {"member": database_path.name, "sha256": _sha256(database_path), "size": database_path.stat().st_size},
            "migrations": migrations, "tables": counts, "media": media,
        }
        with tarfile.open(partial, "w:gz") as archive:
            # The manifest first: a reader knows what the archive holds before unpacking anything.
            _add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
            _add_file(archive, database_path, database_path.name)
            for relative in media:
                _add_file(archive, directory / MEDIA / relative, f"{MEDIA}/{relative}")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(directory, ignore_errors=True)
    return path, manifest


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o644
    archive.addfile(info, io.BytesIO(data))


def _add_file(archive, file_path, name):
    info = archive.gettarinfo(file_path, arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with open(file_path, "rb") as stream:
        archive.addfile(info, stream)


# ---------------------------------------------------------------- restore


def _not_ours():
    return BackupError(_("This file is not a Dân Vận backup, or it is damaged; nothing was changed."))


def _safe_media_name(name):
    """``media/a/b.pdf`` → ``a/b.pdf``; None for anything that could land outside the media folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or path.parts[0] != MEDIA or len(path.parts) < 2:
        return None
    if any(part in ("", ".", "..") or "\\" in part for part in path.parts):
        return None
    return PurePosixPath(*path.parts[1:]).as_posix()


def _check_manifest(manifest, vendor):
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_ours()
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(_("This backup was made by a newer version of Dân Vận; update the software first. Nothing was changed."))
    engine = manifest.get("engine")
    if engine not in DATABASE_MEMBER or not isinstance(manifest.get("database"), dict) \
            or manifest["database"].get("member") != DATABASE_MEMBER[engine] or not isinstance(manifest.get("media"), dict):
        raise _not_ours()
    if engine != vendor:
        raise BackupError(
            _("This backup is of a %(archive)s database and this installation uses %(here)s; nothing was changed.")
            % {"archive": ENGINE_NAMES[engine], "here": ENGINE_NAMES[vendor]}
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [f"{app}.{name}" for app, names in (manifest.get("migrations") or {}).items() for name in names
               if (app, name) not in known]
    if unknown:
        raise BackupError(
            _("This backup has changes of the database this version of Dân Vận does not know (%(names)s); "
              "update the software first. Nothing was changed.") % {"names": ", ".join(unknown[:5])}
        )


def is_older_than_code(manifest):
    """True when the software has migrations the backup's database had not applied: `danvan migrate` after restoring."""
    applied = {(app, name) for app, names in (manifest.get("migrations") or {}).items() for name in names}
    return bool(set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations) - applied)


def stage(archive_path, *, database=None, media_root=None):
    """Check the whole archive and unpack it beside the uploaded files; refuse it, changing nothing, if it is not right."""
    database = database or connections["default"].settings_dict
    vendor = vendor_of(database)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(_("The file %(path)s does not exist.") % {"path": archive_path})
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staged = Staged({}, Path(tempfile.mkdtemp(prefix=".danvan-restore-", dir=media_root.parent)))
    try:
        _unpack(archive_path, staged, vendor)
    except BaseException:
        staged.discard()
        raise
    return staged


def _unpack(archive_path, staged, vendor):
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            first = archive.next()
            if first is None or first.name != MANIFEST or not first.isfile() or first.size > 50 * CHUNK:
                raise _not_ours()
            try:
                staged.manifest = json.loads(archive.extractfile(first).read().decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                raise _not_ours() from None
            _check_manifest(staged.manifest, vendor)
            expected_media = dict(staged.manifest["media"])
            database_seen = False
            for member in archive:  # (the iteration starts again with the manifest)
                if member is first or member.isdir():
                    continue
                if not member.isfile():
                    raise _not_ours()
                if member.name == staged.manifest["database"]["member"] and not database_seen:
                    target, expected, database_seen = staged.database, staged.manifest["database"]["sha256"], True
                else:
                    relative = _safe_media_name(member.name)
                    if relative is None or relative not in expected_media:
                        raise _not_ours()
                    target, expected = staged.media / relative, expected_media.pop(relative)
                if _extract(archive, member, target) != expected:
                    raise _not_ours()
            if not database_seen or expected_media:
                raise _not_ours()
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, UnicodeDecodeError):
        raise _not_ours() from None


def _extract(archive, member, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    source = archive.extractfile(member)
    with open(target, "xb") as stream:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            stream.write(chunk)
    return digest.hexdigest()


def restore(staged, *, database=None, media_root=None):
    """Replace the database and the uploaded files with the staged archive's; return the restored row counts."""
    database = database or connections["default"].settings_dict
    vendor = vendor_of(database)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    try:
        if vendor == "sqlite":
            _restore_sqlite(staged, database)
        else:
            _restore_postgresql(staged, database)
        _swap_media(staged, media_root)
    finally:
        staged.discard()
    raw = raw_connection(database)
    try:
        counts = count_rows(raw.cursor(), vendor, staged.manifest["tables"])
    finally:
        raw.close()
    if counts != staged.manifest["tables"]:
        wrong = sorted(table for table in counts if counts[table] != staged.manifest["tables"][table])
        raise BackupError(_("The restored database differs from the backup in: %(tables)s.") % {"tables": ", ".join(wrong)})
    return counts


def _restore_sqlite(staged, database):
    # Django's own connections would keep reading the pages being replaced.
    for connection in connections.all(initialized_only=True):
        if connection.settings_dict.get("NAME") == database["NAME"]:
            connection.close()
    source = sqlite3.connect(staged.database)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise _not_ours()
        target = raw_connection(database)
        try:
            # The backup API writes the whole copy in one transaction of the target: all or nothing.
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _restore_postgresql(staged, database):
    pg_restore = _pg_tool("pg_restore")
    arguments, env = _pg_arguments(database)
    _run([pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
          *arguments, "--dbname", str(database["NAME"]), str(staged.database)], env)


def _swap_media(staged, media_root):
    staged.media.mkdir(exist_ok=True)
    old = None
    if media_root.exists():
        old = media_root.with_name(f".{media_root.name}-replaced-{os.getpid()}-{datetime.datetime.now():%H%M%S%f}")
        media_root.rename(old)
    staged.media.rename(media_root)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
