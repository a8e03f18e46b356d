"""Backups that restore: the database snapshot first, then the files it names.

``create_backup(dest)`` writes one directory:

- ``danvan.sqlite3`` (SQLite's online backup API: one consistent copy while
  writes go on) or ``danvan.dump`` (``pg_dump --format=custom`` on a snapshot
  exported by a repeatable-read transaction, which then reads the very same
  state);
- ``media/``: every file a FileField of the *snapshot* names, copied with its
  size and sha256. Rows committed after the snapshot are not in it, so their
  files are not needed; a file of a row the snapshot holds is copied even if
  it still has its partial ``.part`` name (core/storage.py);
- ``manifest.json``, written last: when the backup was made, the database
  vendor, the migrations applied, the row count of every table, every file
  with its size and checksum, and the files the snapshot names that were not
  on disk (the backup is then reported incomplete).

``check_backup(src)`` finds what is wrong with a backup (a checksum that
changed, a file gone, row counts that differ) before anything is touched;
``restore_backup(src)`` checks it, restores into an empty database (SQLite:
the snapshot file is put in place; PostgreSQL: ``pg_restore --exit-on-error
--single-transaction`` into a database the operator created), copies the
files back and checks the result again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connections, models
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from danvan.core.storage import PART

FORMAT = "danvan.backup/1"
MANIFEST = "manifest.json"
SNAPSHOTS = {"sqlite": "danvan.sqlite3", "postgresql": "danvan.dump"}
VENDORS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
MEDIA = "media"
CHUNK = 1024 * 1024
# Lines of a long list of problems shown before "and N more".
SHOWN = 20


class BackupError(Exception):
    """A backup or restore that cannot be done, with what went wrong in Vietnamese."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def __str__(self) -> str:
        return "\n".join([self.message, *describe(self.problems)])


class BackupIncomplete(BackupError):
    """The backup was written, but files the snapshot names were not on disk."""

    def __init__(self, message: str, problems: list[str], manifest: dict) -> None:
        super().__init__(message, problems)
        self.manifest = manifest


@dataclass
class Inventory:
    """What a database holds, as far as a backup is concerned."""

    row_counts: dict[str, int]
    migrations: dict[str, list[str]]
    references: set[str] = field(default_factory=set)


@dataclass
class RestoreSummary:
    manifest: dict
    pending_migrations: int

    @property
    def rows(self) -> int:
        return sum(self.manifest["row_counts"].values())

    @property
    def size(self) -> int:
        return sum(entry["size"] for entry in self.manifest["files"].values())


def describe(problems: list[str]) -> list[str]:
    lines = [f"- {problem}" for problem in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(_("… và %(count)s lỗi khác.") % {"count": len(problems) - SHOWN})
    return lines


def file_columns() -> list[tuple[str, str]]:
    """(table, column) of every FileField of the installed models."""
    columns = set()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                columns.add((model._meta.db_table, model_field.column))
    return sorted(columns)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _inventory(cursor: Any, vendor: str, columns: list[tuple[str, str]]) -> Inventory:
    """Row counts, migrations and file names read through a DB-API cursor."""
    if vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
        )
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    tables = sorted(row[0] for row in cursor.fetchall())
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    references: set[str] = set()
    for table, column in columns:
        if table in counts:
            cursor.execute(
                f"SELECT {_quote(column)} FROM {_quote(table)} "  # noqa: S608
                f"WHERE {_quote(column)} IS NOT NULL AND {_quote(column)} <> ''"
            )
            references.update(row[0] for row in cursor.fetchall())
    return Inventory(row_counts=counts, migrations=migrations, references=references)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _inside(root: Path, name: str) -> Path | None:
    """root/name, or None for a name that would leave root."""
    path = (root / name).resolve()
    return path if path.is_relative_to(root.resolve()) and path != root.resolve() else None


def _copy_file(source: Path, target: Path) -> dict:
    """Copy source to target (written under a temporary name, then renamed); its size and sha256.

    A missing source raises FileNotFoundError; any other failure (a full disk) BackupError."""
    try:
        return _copy_bytes(source, target)
    except FileNotFoundError:
        raise
    except OSError as error:
        target.with_name(target.name + ".copying").unlink(missing_ok=True)
        raise BackupError(
            _("Không chép được %(source)s vào %(target)s: %(error)s")
            % {"source": source, "target": target, "error": error.strerror or error}
        ) from error


def _copy_bytes(source: Path, target: Path) -> dict:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".copying")
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reading, temporary.open("wb") as writing:
        while chunk := reading.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            writing.write(chunk)
        writing.flush()
        os.fsync(writing.fileno())
    os.replace(temporary, target)
    return {"size": size, "sha256": digest.hexdigest()}


def _pg_command(program: str, settings_dict: dict, *arguments: str) -> tuple[list[str], dict]:
    """The command line and environment of a PostgreSQL client program (no shell)."""
    command = [program]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command += [option, str(settings_dict[key])]
    command += ["--no-password", *arguments]
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    if sslmode := settings_dict.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = sslmode
    return command, environment


def _run(command: list[str], environment: dict | None = None) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            _(
                "Không tìm thấy chương trình %(program)s: hãy cài gói postgresql-client cùng phiên bản với máy chủ."
            )
            % {"program": command[0]}
        ) from error
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise BackupError(
            _("%(program)s dừng với mã %(code)s.") % {"program": command[0], "code": result.returncode},
            lines[-SHOWN:],
        )
    return result


# Backing up


def create_backup(dest: Path | str, *, using: str = "default") -> dict:
    """Write a backup of the database and its files into the new directory dest.

    Returns the manifest. Raises BackupIncomplete (the backup is written, with
    the missing files named in its manifest) when files the snapshot names are
    not on disk, and BackupError when nothing could be backed up."""
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BackupError(
            _("%(path)s đã có dữ liệu: mỗi bản sao lưu cần một thư mục mới (ví dụ đặt tên theo ngày giờ).")
            % {"path": dest}
        )
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in SNAPSHOTS:
        raise BackupError(_("Chưa hỗ trợ sao lưu CSDL loại %(vendor)s.") % {"vendor": vendor})
    columns = file_columns()
    dest.mkdir(parents=True, exist_ok=True)
    started = timezone.now()
    snapshot = dest / SNAPSHOTS[vendor]
    if vendor == "sqlite":
        inventory = _snapshot_sqlite(connection, snapshot, columns)
    else:
        inventory = _snapshot_postgresql(connection, snapshot, columns)
    files, missing = _copy_media(inventory.references, Path(settings.MEDIA_ROOT), dest / MEDIA)
    manifest = {
        "format": FORMAT,
        "created_at": started.isoformat(),
        "vendor": vendor,
        "database": {"file": snapshot.name, "size": snapshot.stat().st_size, "sha256": _sha256(snapshot)},
        "migrations": inventory.migrations,
        "row_counts": inventory.row_counts,
        "file_columns": [list(column) for column in columns],
        "files": files,
        "missing": missing,
    }
    temporary = dest / (MANIFEST + ".writing")
    temporary.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temporary, dest / MANIFEST)
    if missing:
        raise BackupIncomplete(
            _(
                "Bản sao lưu %(path)s THIẾU %(count)s tệp: CSDL ghi tên các tệp này nhưng không có trên đĩa "
                "(trong %(media)s). Các tệp khác đã được sao lưu; danh sách tệp thiếu nằm trong manifest.json."
            )
            % {"path": dest, "count": len(missing), "media": settings.MEDIA_ROOT},
            [_("Thiếu tệp %(name)s") % {"name": name} for name in missing],
            manifest,
        )
    return manifest


def _snapshot_sqlite(connection: Any, snapshot: Path, columns: list[tuple[str, str]]) -> Inventory:
    """One consistent copy of the database through SQLite's online backup API."""
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError(_("Không sao lưu được trong một giao dịch đang mở."))
    target = sqlite3.connect(snapshot)
    try:
        # pages=-1: the whole database in one step, under one read transaction.
        connection.connection.backup(target, pages=-1)
        # A single file with no -wal beside it: its checksum stays what it was.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    return _read_sqlite(snapshot, columns)


def _read_sqlite(snapshot: Path, columns: list[tuple[str, str]]) -> Inventory:
    reading = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return _inventory(reading.cursor(), "sqlite", columns)
    finally:
        reading.close()


def _snapshot_postgresql(connection: Any, snapshot: Path, columns: list[tuple[str, str]]) -> Inventory:
    """pg_dump on a snapshot exported by a transaction that then reads the same state."""
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = True
        cursor = raw.cursor()
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        exported = cursor.fetchone()[0]
        command, environment = _pg_command(
            "pg_dump",
            connection.settings_dict,
            "--format=custom",
            f"--snapshot={exported}",
            "--file",
            str(snapshot),
            "--dbname",
            connection.settings_dict["NAME"],
        )
        _run(command, environment)
        inventory = _inventory(cursor, "postgresql", columns)
        cursor.execute("COMMIT")
    finally:
        raw.close()
    return inventory


def _copy_media(names: set[str], source_root: Path, target_root: Path) -> tuple[dict, list[str]]:
    files, missing = {}, []
    for name in sorted(names):
        source, target = _inside(source_root, name), _inside(target_root, name)
        if source is None or target is None:
            missing.append(name)
            continue
        copied = None
        # A row of the snapshot whose file has not taken its real name yet is read
        # under its partial name; it may be renamed meanwhile, hence the last try.
        for candidate in (source, source.with_name(source.name + PART), source):
            try:
                copied = _copy_file(candidate, target)
                break
            except FileNotFoundError:
                continue
        if copied is None:
            missing.append(name)
        else:
            files[name] = copied
    return files, missing


# Checking


def read_manifest(src: Path) -> dict:
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(
            _("%(path)s không phải một bản sao lưu Danvan: không có manifest.json.") % {"path": src}
        ) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(_("manifest.json của %(path)s bị hỏng, không đọc được.") % {"path": src}) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            _("%(path)s không phải bản sao lưu dạng %(format)s.") % {"path": src, "format": FORMAT}
        )
    return manifest


def _media_problems(manifest: dict, root: Path) -> list[str]:
    problems = []
    for name, entry in sorted(manifest["files"].items()):
        path = _inside(root, name)
        if path is None or not path.is_file():
            problems.append(_("Thiếu tệp %(name)s") % {"name": name})
        elif path.stat().st_size != entry["size"] or _sha256(path) != entry["sha256"]:
            problems.append(_("Tệp %(name)s đã bị thay đổi (mã kiểm tra sha256 không khớp)") % {"name": name})
    return problems


def _inventory_problems(manifest: dict, inventory: Inventory) -> list[str]:
    problems = []
    expected = manifest["row_counts"]
    for table in sorted(set(expected) | set(inventory.row_counts)):
        found, wanted = inventory.row_counts.get(table), expected.get(table)
        if found != wanted:
            problems.append(
                _("Bảng %(table)s có %(found)s dòng, manifest ghi %(expected)s")
                % {
                    "table": table,
                    "found": "—" if found is None else found,
                    "expected": "—" if wanted is None else wanted,
                }
            )
    if inventory.migrations != manifest["migrations"]:
        problems.append(_("Các migration đã áp dụng khác với manifest"))
    known = set(manifest["files"]) | set(manifest["missing"])
    for name in sorted(inventory.references - known):
        problems.append(_("CSDL ghi tên tệp %(name)s nhưng manifest không có") % {"name": name})
    return problems


def backup_problems(src: Path | str, *, allow_missing: bool = False) -> tuple[dict, list[str]]:
    """The manifest and everything wrong with the backup in src (nothing is changed)."""
    src = Path(src)
    manifest = read_manifest(src)
    problems = []
    database = manifest["database"]
    snapshot = src / database["file"]
    if not snapshot.is_file():
        problems.append(_("Thiếu tệp CSDL %(name)s") % {"name": database["file"]})
    elif snapshot.stat().st_size != database["size"] or _sha256(snapshot) != database["sha256"]:
        problems.append(
            _("Tệp CSDL %(name)s đã bị thay đổi (mã kiểm tra sha256 không khớp)") % {"name": database["file"]}
        )
    elif manifest["vendor"] == "sqlite":
        try:
            inventory = _read_sqlite(snapshot, [tuple(column) for column in manifest["file_columns"]])
        except sqlite3.DatabaseError as error:
            problems.append(
                _("Tệp CSDL %(name)s không đọc được: %(error)s") % {"name": database["file"], "error": error}
            )
        else:
            problems += _inventory_problems(manifest, inventory)
    else:
        try:
            _run(["pg_restore", "--list", str(snapshot)])
        except BackupError as error:
            problems.append(
                _("Tệp CSDL %(name)s không đọc được: %(error)s") % {"name": database["file"], "error": error}
            )
    problems += _media_problems(manifest, src / MEDIA)
    if manifest["missing"] and not allow_missing:
        problems += [
            _("Tệp %(name)s đã thiếu trên đĩa khi sao lưu") % {"name": name} for name in manifest["missing"]
        ]
    return manifest, problems


def check_backup(src: Path | str, *, allow_missing: bool = False) -> dict:
    """The manifest of a backup found whole; BackupError naming every problem otherwise."""
    manifest, problems = backup_problems(src, allow_missing=allow_missing)
    if problems:
        raise BackupError(
            _("Bản sao lưu %(path)s không dùng được (%(count)s lỗi); không khôi phục từ bản này.")
            % {"path": src, "count": len(problems)},
            problems,
        )
    return manifest


# Restoring


def restore_backup(
    src: Path | str, *, force: bool = False, allow_missing: bool = False, using: str = "default"
) -> RestoreSummary:
    """Restore the backup in src into the (empty) database and MEDIA_ROOT, then check the result.

    Nothing is changed when the backup is damaged, the database is not empty
    (unless force) or a file in MEDIA_ROOT would be overwritten by another
    content (unless force)."""
    src = Path(src)
    manifest = check_backup(src, allow_missing=allow_missing)
    connection: Any = connections[using]
    vendor = manifest["vendor"]
    if connection.vendor != vendor:
        raise BackupError(
            _("Bản sao lưu là của %(backup)s, CSDL đích là %(target)s: không khôi phục chéo được.")
            % {
                "backup": VENDORS.get(vendor, vendor),
                "target": VENDORS.get(connection.vendor, connection.vendor),
            }
        )
    tables = _target_tables(connection)
    if tables and not force:
        raise BackupError(
            _(
                "CSDL đích %(name)s đã có %(count)s bảng: chỉ khôi phục vào một CSDL trống "
                "(PostgreSQL: tạo mới bằng createdb; SQLite: một tệp chưa có). "
                "Dùng --force để XÓA toàn bộ dữ liệu hiện có và thay bằng bản sao lưu."
            )
            % {"name": connection.settings_dict["NAME"], "count": len(tables)}
        )
    if vendor == "sqlite" and connection.is_in_memory_db():
        raise BackupError(_("CSDL đích là SQLite trong bộ nhớ: hãy đặt một tệp trong DANVAN_DATABASE_URL."))
    media_root = Path(settings.MEDIA_ROOT)
    conflicts = _media_conflicts(manifest, src / MEDIA, media_root)
    if conflicts and not force:
        raise BackupError(
            _(
                "%(count)s tệp trong %(media)s trùng tên nhưng khác nội dung với bản sao lưu; không ghi đè. "
                "Khôi phục vào một thư mục tệp trống, hoặc dùng --force để ghi đè."
            )
            % {"count": len(conflicts), "media": media_root},
            [_("Tệp %(name)s đã có, khác nội dung") % {"name": name} for name in conflicts],
        )
    snapshot = src / manifest["database"]["file"]
    if vendor == "sqlite":
        _restore_sqlite(connection, snapshot)
    else:
        _restore_postgresql(connection, snapshot, drop=bool(tables))
    for name in sorted(manifest["files"]):
        source, target = _inside(src / MEDIA, name), _inside(media_root, name)
        # Both are inside their roots: check_backup found every file.
        if source is None or target is None or (target.is_file() and name not in conflicts):
            continue
        _copy_file(source, target)
    problems = restored_problems(manifest, using=using)
    if problems:
        raise BackupError(
            _("Đã khôi phục nhưng kiểm tra sau khôi phục thấy %(count)s lỗi.") % {"count": len(problems)},
            problems,
        )
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return RestoreSummary(manifest=manifest, pending_migrations=len(pending))


def _target_tables(connection: Any) -> list[str]:
    """The tables the target database has (a SQLite file not there yet has none)."""
    if (
        connection.vendor == "sqlite"
        and not connection.is_in_memory_db()
        and not Path(connection.settings_dict["NAME"]).exists()
    ):
        return []
    return connection.introspection.table_names()


def _media_conflicts(manifest: dict, source_root: Path, target_root: Path) -> list[str]:
    """Names whose file in target_root exists with another content than the backup's."""
    conflicts = []
    for name, entry in sorted(manifest["files"].items()):
        target = _inside(target_root, name)
        if (
            target is not None
            and target.exists()
            and (not target.is_file() or _sha256(target) != entry["sha256"])
        ):
            conflicts.append(name)
    return conflicts


def _restore_sqlite(connection: Any, snapshot: Path) -> None:
    target = Path(connection.settings_dict["NAME"])
    connection.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".restoring")
    _copy_file(snapshot, temporary)
    # The old file's journal would be replayed into the new one.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(temporary, target)


def _restore_postgresql(connection: Any, dump: Path, *, drop: bool) -> None:
    if drop:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    connection.close()
    command, environment = _pg_command(
        "pg_restore",
        connection.settings_dict,
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        "--dbname",
        connection.settings_dict["NAME"],
        str(dump),
    )
    _run(command, environment)


def restored_problems(manifest: dict, *, using: str = "default") -> list[str]:
    """What differs between the database and MEDIA_ROOT and the manifest they were restored from."""
    connection = connections[using]
    columns = [(table, column) for table, column in manifest["file_columns"]]
    with connection.cursor() as cursor:
        inventory = _inventory(cursor, connection.vendor, columns)
    problems = _inventory_problems(manifest, inventory)
    restored = {
        "files": {name: entry for name, entry in manifest["files"].items() if name in inventory.references}
    }
    return problems + _media_problems(restored, Path(settings.MEDIA_ROOT))


def created_at(manifest: dict) -> str:
    """When the backup was made, as the person reads it (dd/mm/yyyy HH:MM)."""
    moment = parse_datetime(manifest["created_at"])
    return f"{timezone.localtime(moment):%d/%m/%Y %H:%M}" if moment else manifest["created_at"]
