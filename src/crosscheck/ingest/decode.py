"""Bytes to text: refuse binary data, honour BOMs, detect legacy encodings.

News archives mix UTF-8, Windows-1252 and Latin-1; a wrong guess loses curly quotes and
names, so UTF-8 is tried strictly first and only then a statistical detector.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from crosscheck.ingest.options import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))  # all but tab, newlines, form feed, ESC


def looks_binary(sample: bytes) -> bool:
    """True for data that is not text in any encoding (NUL bytes, many control bytes)."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to ``str`` or raise ReadError saying why it is not text.

    ``declared`` is an encoding named by the container (HTTP header, meta tag); it is used
    when it decodes cleanly, since a declaration beats a guess.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {encoding} text after byte-order mark ({exc.reason})") from None
    if looks_binary(data[:8192]):
        raise ReadError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (ValueError, LookupError):  # ValueError: a name with a NUL byte in it
            pass
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (ValueError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")
