"""SQLite storage for articles: schema and migrations, and the only place crosscheck writes SQL."""

from crosscheck.store.errors import StoreError
from crosscheck.store.store import AddResult, Store, default_db_path, is_date_bound

__all__ = ["AddResult", "Store", "StoreError", "default_db_path", "is_date_bound"]
