"""Turning file bytes into text, and saying how it was done."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from .._unicode import replace_surrogates

__all__ = [
    "DecodeError",
    "Decoded",
    "decode_bytes",
    "normalise_text",
    "refuse_binary",
    "repair_mojibake",
    "replace_surrogates",
]

# Share of C0 control characters (other than tab, newline, carriage return, form feed)
# above which a file is treated as binary rather than as text.
_BINARY_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 8192
_CONTROL = bytes(sorted(set(range(32)) - {9, 10, 12, 13}))


class DecodeError(Exception):
    """An article's bytes cannot be read as text; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode an article file.

    With no ``encoding``, tries in order: a byte-order mark (UTF-8, UTF-16), strict
    UTF-8, then strict cp1252 (a superset of latin-1's printable range, and what
    Windows-era captures labelled "latin-1" nearly always are). Bytes that none of
    these accept raise :class:`DecodeError` instead of being guessed at.
    """
    if encoding is not None:
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(
                f"cannot decode as {encoding}: {exc}; check the file's encoding"
            ) from exc
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but {exc}") from exc
    refuse_binary(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"undecodable bytes: not UTF-8 ({utf8_error.reason} at byte "
                f"{utf8_error.start}) and not cp1252/latin-1 (byte "
                f"0x{data[exc.start]:02x} at {exc.start}); re-save the file as UTF-8 "
                "or pass encoding=... naming its encoding"
            ) from exc


def refuse_binary(data: bytes, *, nul: bool = True) -> None:
    """Raise DecodeError where ``data`` starts like a binary file: a NUL byte (with
    ``nul``; a table passes False, each of its rows being checked alone) or a large
    share of control bytes in its first bytes."""
    head = data[:_SNIFF_BYTES]
    at = head.find(b"\x00") if nul else -1
    if at >= 0:
        raise DecodeError(
            f"looks like a binary file (NUL byte at offset {at}), not article text; "
            "remove it from the corpus or convert it to text"
        )
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL))
        if controls / len(head) > _BINARY_CONTROL_SHARE:
            raise DecodeError(
                f"looks like a binary file ({controls} control bytes in the first "
                f"{len(head)}), not article text; remove it or convert it to text"
            )


def normalise_text(text: str) -> str:
    """Unicode NFC, Unix newlines, no byte-order mark, no NUL characters.

    This is the ``raw_text`` every offset and cleaning record refers to.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def _mojibake_pattern() -> re.Pattern[str]:
    """A UTF-8 lead byte then a continuation byte, both read as cp1252: what UTF-8 text
    decoded as cp1252 or Latin-1 always holds ('Ã©' for 'é', 'â€œ' for '“')."""
    lead = bytes(range(0xC2, 0xF5)).decode("cp1252", errors="ignore")
    follow = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
    follow += bytes(range(0x80, 0xA0)).decode("latin-1")  # the C1 controls Latin-1 gives
    return re.compile(f"[{re.escape(lead)}][{re.escape(follow)}]")


_MOJIBAKE = _mojibake_pattern()


def repair_mojibake(text: str) -> tuple[str, int]:
    """``text`` with mojibake repaired by ftfy's ``fix_encoding`` (Speer 2019), and how
    many mojibake sequences it repaired (0: nothing changed).

    Only ``fix_encoding`` runs, which undoes text decoded with the wrong codec and
    nothing else (ftfy's other fixes, such as straightening quotes, are left out).
    ftfy is called only where the text holds a sequence mojibake makes: the others,
    nearly every article, cost one regular-expression search."""
    if not _MOJIBAKE.search(text):
        return text, 0
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text, 0
    repaired = len(_MOJIBAKE.findall(text)) - len(_MOJIBAKE.findall(fixed))
    return fixed, max(1, repaired)
