"""Schema migrations: numbered ``migrations/NNNN_name.sql`` files, tracked by ``PRAGMA user_version``.

Every open checks the version; pending migrations run in one ``BEGIN IMMEDIATE`` transaction,
so two processes opening a new database at once cannot both apply them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from functools import cache
from importlib.resources import files

from crosscheck.store.errors import StoreError

APPLICATION_ID = int.from_bytes(b"xchk", "big")
"""Written into the file header so another program's SQLite file is never migrated into."""

_MIGRATION_NAME = re.compile(r"(\d{4})_\w+\.sql")


@cache
def migrations() -> tuple[tuple[int, str], ...]:
    """``(version, sql)`` for each migration file shipped with the package, in order."""
    found = []
    for entry in files("crosscheck.store").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.fullmatch(entry.name)
        if match:
            found.append((int(match[1]), entry.read_text(encoding="utf-8")))
    return tuple(sorted(found))


def latest_version() -> int:
    return migrations()[-1][0]


def migrate(conn: sqlite3.Connection, name: str, *, readonly: bool) -> None:
    """Bring the database up to the latest schema, or explain why it cannot be used."""
    version = _version(conn, name)
    if version == latest_version():
        return
    if readonly:
        state = "has no crosscheck tables yet" if version == 0 else f"uses an older schema ({version})"
        raise StoreError(f"{name} {state}: open it once without read-only to set it up.")
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _version(conn, name)  # another process may have migrated while we waited
        if version == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for number, sql in migrations():
            if number > version:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _version(conn: sqlite3.Connection, name: str) -> int:
    """The schema version, 0 for an empty file; refuses other programs' and newer databases."""
    version, application_id, has_tables = conn.execute(  # one statement, so one consistent snapshot
        "SELECT user_version, application_id, EXISTS (SELECT 1 FROM sqlite_master)"
        " FROM pragma_user_version, pragma_application_id"
    ).fetchone()
    if application_id != APPLICATION_ID:
        if version or has_tables:
            raise StoreError(f"{name} is not a crosscheck database: it holds tables crosscheck did not create.")
        return 0
    if version > latest_version():
        raise StoreError(
            f"{name} was written by a newer crosscheck (schema {version}, this one knows up to "
            f"{latest_version()}): upgrade crosscheck to open it."
        )
    return version


def _statements(script: str) -> Iterator[str]:
    """Split a script into statements; ``executescript`` would commit our open transaction."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""
