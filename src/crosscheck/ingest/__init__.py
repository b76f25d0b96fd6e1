"""Readers, one module per input format, and the dispatcher that picks one per input."""
