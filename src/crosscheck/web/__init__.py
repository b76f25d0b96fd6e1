"""The web app and JSON API (``crosscheck serve``); needs the ``web`` extra.

Pages: story list with search and filters, a story's report, an article with its quotes,
claims and disputes marked, and an add page. API under ``/api``, schema at ``/openapi.json``.
"""

from crosscheck.web.app import create_app
from crosscheck.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]
