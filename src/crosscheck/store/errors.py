"""The one exception the store raises for problems a user can act on."""


class StoreError(Exception):
    """The database cannot be used as asked; the message names the file and what to do."""
