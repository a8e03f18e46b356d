"""`danvan backup` and `danvan restore`, for real: a database that keeps being
written while it is backed up, restored into a fresh database and media
directory, then checked row by row and file by file.

SQLite runs in the SQLite pass of `make test`, PostgreSQL (pg_dump,
pg_restore into a database created for the test) in the PostgreSQL pass.
The writer and the restores are separate processes, as in production."""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from danvan.core import backup
from danvan.plans import services as plan_services
from danvan.plans.models import PlanImport

ROOT = Path(__file__).resolve().parents[2]
TEXT = "KẾ HOẠCH\nThực hiện công tác dân vận chính quyền năm 2026\n".encode()

# Uploads plan files through the service until the stop file appears.
WRITER = """
import pathlib, sys
import django
django.setup()
from danvan.core.models import Agency, User
from danvan.plans.services import upload_plan_file
agency = Agency.objects.get(pk=int(sys.argv[1]))
person = User.objects.get(pk=int(sys.argv[2]))
stop = pathlib.Path(sys.argv[3])
written = 0
while not stop.exists():
    data = ("KẾ HOẠCH\\nThực hiện công tác dân vận chính quyền, tệp %d\\n" % written).encode()
    upload_plan_file(agency=agency, data=data, filename="ke-hoach-%d.txt" % written, by=person)
    written += 1
print(written)
"""

# The application started on a restored database answers and reads its rows.
STARTS = (
    "import django; django.setup();"
    "from django.test import Client; from danvan.plans.models import PlanImport;"
    "print(Client().get('/healthz').status_code, PlanImport.objects.count())"
)

sqlite_only = pytest.mark.skipif(
    os.environ.get("DANVAN_DATABASE_URL", "").startswith("postgres"), reason="the SQLite pass covers SQLite"
)
postgres_only = pytest.mark.skipif(
    not os.environ.get("DANVAN_DATABASE_URL", "").startswith("postgres"),
    reason="the PostgreSQL pass (scripts/with-postgres.sh) covers PostgreSQL",
)


def environment(database_url: str, media_root: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "danvan.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "DANVAN_DATABASE_URL": database_url,
        "DANVAN_MEDIA_ROOT": str(media_root),
        "DANVAN_TASK_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    }


def danvan(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "danvan.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def postgres_url(name: str) -> str:
    settings = connection.settings_dict
    credentials = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{credentials}@{settings['HOST']}:{settings['PORT']}/{name}"


@contextmanager
def postgres_admin():
    """A connection of the test cluster's superuser to its maintenance database."""
    params = {**connection.get_connection_params(), "dbname": "postgres"}
    admin = connection.get_new_connection(params)
    admin.autocommit = True
    try:
        yield admin.cursor()
    finally:
        admin.close()


@contextmanager
def fresh_postgres_database(suffix: str):
    name = f"{connection.settings_dict['NAME']}_{suffix}"
    with postgres_admin() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    try:
        yield name
    finally:
        with postgres_admin() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for_plan_imports(count_rows, at_least: int) -> None:
    """Until the writer has committed at least that many uploads (it runs on its own)."""
    for _attempt in range(1200):
        if count_rows() >= at_least:
            return
        time.sleep(0.05)
    raise AssertionError(f"the writer did not reach {at_least} uploads")


def assert_restored(cursor, manifest: dict, media_root: Path) -> int:
    """Every row naming a file has it with its checksum; every table has the manifest's rows.

    Returns how many files the restored rows name."""
    named = 0
    for table, column in manifest["file_columns"]:
        if table not in manifest["row_counts"]:
            continue
        cursor.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" <> \'\'')  # noqa: S608
        for (name,) in cursor.fetchall():
            named += 1
            assert (media_root / name).is_file(), name
            assert sha256(media_root / name) == manifest["files"][name]["sha256"], name
    # The uploads carry the hash of what was sent: the restored file is that upload.
    cursor.execute("SELECT file, sha256 FROM plans_planimport")
    for name, digest in cursor.fetchall():
        assert sha256(media_root / name) == digest, name
    for table, rows in manifest["row_counts"].items():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608
        assert cursor.fetchone()[0] == rows, table
    return named


def upload(agency, person, count: int) -> list[PlanImport]:
    return [
        plan_services.upload_plan_file(
            agency=agency, data=TEXT + str(number).encode(), filename=f"kh-{number}.txt", by=person
        )
        for number in range(count)
    ]


@pytest.fixture
def quiet_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_sqlite_backup_taken_while_uploads_go_on_restores_every_file(tmp_path, agency, office_officer):
    # The live system: a SQLite file (a copy of the migrated test database) and its media.
    live, live_media = tmp_path / "live.sqlite3", tmp_path / "live-media"
    copy = sqlite3.connect(live)
    connection.ensure_connection()
    connection.connection.backup(copy)
    copy.close()
    live_env = environment(f"sqlite:///{live}", live_media)

    def live_uploads() -> int:
        reading = sqlite3.connect(f"{live.as_uri()}?mode=ro", uri=True, timeout=20)
        try:
            return reading.execute("SELECT COUNT(*) FROM plans_planimport").fetchone()[0]
        finally:
            reading.close()

    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(agency.pk), str(office_officer.pk), str(stop)],
        env=live_env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_plan_imports(live_uploads, 5)
        made = danvan(live_env, "backup", str(tmp_path / "sao-luu"))
        assert made.returncode == 0, made.stderr
        assert "Đã sao lưu SQLite" in made.stdout
        manifest = json.loads((tmp_path / "sao-luu" / "manifest.json").read_text(encoding="utf-8"))
        in_snapshot = manifest["row_counts"]["plans_planimport"]
        # Uploads went on after the snapshot: their files were not needed.
        wait_for_plan_imports(live_uploads, in_snapshot + 3)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert int(out) > in_snapshot >= 5
    assert manifest["vendor"] == "sqlite" and manifest["missing"] == []
    assert len(manifest["files"]) == in_snapshot
    assert "0001_add_plans_and_plan_imports" in manifest["migrations"]["plans"]

    verified = danvan(live_env, "backup", "--verify", str(tmp_path / "sao-luu"))
    assert verified.returncode == 0, verified.stderr
    assert "dùng được" in verified.stdout

    restored, restored_media = tmp_path / "khoi-phuc" / "danvan.sqlite3", tmp_path / "khoi-phuc" / "media"
    restored_env = environment(f"sqlite:///{restored}", restored_media)
    result = danvan(restored_env, "restore", str(tmp_path / "sao-luu"))
    assert result.returncode == 0, result.stderr
    assert "Đã khôi phục bản sao lưu" in result.stdout and "khớp" in result.stdout

    reading = sqlite3.connect(restored)
    try:
        assert assert_restored(reading.cursor(), manifest, restored_media) == in_snapshot
    finally:
        reading.close()
    starts = subprocess.run(
        [sys.executable, "-c", STARTS],
        env=restored_env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert starts.stdout.split() == ["200", str(in_snapshot)], starts.stderr


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgresql_backup_taken_while_uploads_go_on_restores_into_a_fresh_database(
    tmp_path, settings, agency, office_officer
):
    live_env = environment(postgres_url(connection.settings_dict["NAME"]), Path(settings.MEDIA_ROOT))
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(agency.pk), str(office_officer.pk), str(stop)],
        env=live_env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_plan_imports(PlanImport.objects.count, 5)
        manifest = backup.create_backup(tmp_path / "sao-luu")
        in_snapshot = manifest["row_counts"]["plans_planimport"]
        wait_for_plan_imports(PlanImport.objects.count, in_snapshot + 3)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert int(out) > in_snapshot >= 5
    assert manifest["vendor"] == "postgresql" and manifest["missing"] == []
    assert len(manifest["files"]) == in_snapshot
    assert backup.check_backup(tmp_path / "sao-luu") == manifest

    with fresh_postgres_database("restored") as name:
        restored_media = tmp_path / "khoi-phuc-media"
        restored_env = environment(postgres_url(name), restored_media)
        result = danvan(restored_env, "restore", str(tmp_path / "sao-luu"))
        assert result.returncode == 0, result.stderr
        assert "Đã khôi phục bản sao lưu" in result.stdout and "(PostgreSQL)" in result.stdout

        restored = connection.get_new_connection({**connection.get_connection_params(), "dbname": name})
        try:
            assert assert_restored(restored.cursor(), manifest, restored_media) == in_snapshot
        finally:
            restored.close()
        starts = subprocess.run(
            [sys.executable, "-c", STARTS],
            env=restored_env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert starts.stdout.split() == ["200", str(in_snapshot)], starts.stderr


@contextmanager
def fresh_target(tmp_path: Path):
    """The environment of an empty database and media directory, and a way to list its tables."""
    media = tmp_path / "dich-media"
    if connection.vendor == "sqlite":
        path = tmp_path / "dich" / "danvan.sqlite3"

        def tables() -> list[str]:
            if not path.exists():
                return []
            reading = sqlite3.connect(path)
            try:
                return [
                    row[0] for row in reading.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                ]
            finally:
                reading.close()

        yield environment(f"sqlite:///{path}", media), tables
        return
    with fresh_postgres_database("target") as name:

        def tables() -> list[str]:
            target = connection.get_new_connection({**connection.get_connection_params(), "dbname": name})
            try:
                cursor = target.cursor()
                cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                return [row[0] for row in cursor.fetchall()]
            finally:
                target.close()

        yield environment(postgres_url(name), media), tables


@pytest.fixture
def made_backup(transactional_db, tmp_path, agency, office_officer, quiet_tasks):
    upload(agency, office_officer, 2)
    manifest = backup.create_backup(tmp_path / "sao-luu")
    assert len(manifest["files"]) == 2
    return tmp_path / "sao-luu", manifest


def test_a_backup_with_a_changed_file_is_refused_and_restore_changes_nothing(tmp_path, made_backup):
    src, manifest = made_backup
    name = sorted(manifest["files"])[0]
    (src / "media" / name).write_bytes(b"KE HOACH da bi sua")
    with pytest.raises(backup.BackupError) as refused:
        backup.check_backup(src)
    assert f"Tệp {name} đã bị thay đổi (mã kiểm tra sha256 không khớp)" in str(refused.value)
    assert "không dùng được (1 lỗi)" in refused.value.message
    with fresh_target(tmp_path) as (env, tables):
        checked = danvan(env, "restore", "--check", str(src))
        assert checked.returncode == 1 and "đã bị thay đổi" in checked.stderr
        result = danvan(env, "restore", str(src))
        assert result.returncode == 1
        assert "không khôi phục từ bản này" in result.stderr and name in result.stderr
        assert tables() == []
        assert not (tmp_path / "dich-media").exists()


def test_a_backup_missing_a_file_is_refused_and_restore_changes_nothing(tmp_path, made_backup):
    src, manifest = made_backup
    name = sorted(manifest["files"])[1]
    (src / "media" / name).unlink()
    with pytest.raises(CommandError, match=f"Thiếu tệp {name}"):
        call_command("backup", str(src), verify=True)
    with fresh_target(tmp_path) as (env, tables):
        result = danvan(env, "restore", str(src))
        assert result.returncode == 1 and f"Thiếu tệp {name}" in result.stderr
        assert tables() == []
        assert not (tmp_path / "dich-media").exists()


def test_a_backup_whose_database_copy_changed_is_refused(made_backup):
    src, manifest = made_backup
    snapshot = src / manifest["database"]["file"]
    data = bytearray(snapshot.read_bytes())
    data[len(data) // 2] ^= 0xFF
    snapshot.write_bytes(bytes(data))
    manifest_now, problems = backup.backup_problems(src)
    assert problems == [f"Tệp CSDL {snapshot.name} đã bị thay đổi (mã kiểm tra sha256 không khớp)"]


def test_restore_refuses_a_database_that_has_data(made_backup):
    src, manifest = made_backup
    before = PlanImport.objects.count()
    with pytest.raises(backup.BackupError, match="đã có .* bảng: chỉ khôi phục vào một CSDL trống"):
        backup.restore_backup(src)
    assert PlanImport.objects.count() == before == 2


def test_backup_reports_files_the_database_names_but_the_disk_lacks(
    tmp_path, transactional_db, agency, office_officer, quiet_tasks
):
    kept, lost = upload(agency, office_officer, 2)
    Path(lost.file.path).unlink()
    with pytest.raises(CommandError, match="THIẾU 1 tệp") as refused:
        call_command("backup", str(tmp_path / "sao-luu"))
    assert f"Thiếu tệp {lost.file.name}" in str(refused.value)
    manifest = json.loads((tmp_path / "sao-luu" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["missing"] == [lost.file.name]
    assert list(manifest["files"]) == [kept.file.name]
    with pytest.raises(backup.BackupError, match="đã thiếu trên đĩa khi sao lưu"):
        backup.check_backup(tmp_path / "sao-luu")
    assert backup.check_backup(tmp_path / "sao-luu", allow_missing=True) == manifest


def test_backup_refuses_a_directory_that_has_something_in_it(tmp_path, transactional_db):
    (tmp_path / "cu").mkdir()
    (tmp_path / "cu" / "manifest.json").write_text("{}", encoding="utf-8")
    with pytest.raises(backup.BackupError, match="mỗi bản sao lưu cần một thư mục mới"):
        backup.create_backup(tmp_path / "cu")
    assert (tmp_path / "cu" / "manifest.json").read_text(encoding="utf-8") == "{}"


def test_a_directory_that_is_no_backup_is_named_as_such(tmp_path):
    with pytest.raises(backup.BackupError, match="không phải một bản sao lưu Danvan"):
        backup.check_backup(tmp_path)


def test_restore_into_a_restored_database_needs_force_and_then_replaces_it(tmp_path, made_backup):
    src, manifest = made_backup
    with fresh_target(tmp_path) as (env, tables):
        first = danvan(env, "restore", str(src))
        assert first.returncode == 0, first.stderr
        again = danvan(env, "restore", str(src))
        assert again.returncode == 1 and "Dùng --force để XÓA toàn bộ dữ liệu hiện có" in again.stderr
        forced = danvan(env, "restore", "--force", str(src))
        assert forced.returncode == 0, forced.stderr
        assert set(manifest["row_counts"]) <= set(tables())
        starts = subprocess.run(
            [sys.executable, "-c", STARTS], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert starts.stdout.split() == ["200", "2"], starts.stderr


def test_a_file_whose_row_committed_before_it_took_its_real_name_is_backed_up(
    tmp_path, transactional_db, agency, office_officer, quiet_tasks
):
    (record,) = upload(agency, office_officer, 1)
    stored = Path(record.file.path)
    # Between the commit of its row and the rename, the file still has its partial name.
    stored.rename(f"{stored}.part")
    manifest = backup.create_backup(tmp_path / "sao-luu")
    assert manifest["missing"] == []
    copied = tmp_path / "sao-luu" / "media" / record.file.name
    assert sha256(copied) == manifest["files"][record.file.name]["sha256"] == record.sha256
    assert backup.check_backup(tmp_path / "sao-luu") == manifest
