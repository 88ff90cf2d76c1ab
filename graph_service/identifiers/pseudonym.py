"""Keyed hashes of personal ID numbers: match persons without storing the number.

A plain hash of an 18-digit ID is reversible by enumeration (region x date x sequence), so the
hash is an HMAC under a deployment secret.
"""

from __future__ import annotations

import hashlib
import hmac

from ._text import normalize_code

__all__ = ["IdentityHasher", "is_masked"]

_DIGEST_HEX_CHARS = 32


def is_masked(number: str) -> bool:
    """True when the number was published masked (contains '*', either width)."""
    return "*" in normalize_code(number)


class IdentityHasher:
    """HMAC-SHA256 pseudonyms for identifiers, namespaced by kind."""

    def __init__(self, secret: str | bytes) -> None:
        key = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
        if not key:
            raise ValueError("IdentityHasher needs a non-empty secret")
        self._key = key

    def __repr__(self) -> str:
        return "IdentityHasher(secret=<hidden>)"

    def digest(self, kind: str, number: str) -> str:
        """First 32 hex chars of HMAC(secret, "kind:normalized number").

        The kind keeps a passport and an ID number with equal text apart. Masked numbers are
        refused: their hash would make different persons look identical.
        """
        if not kind or ":" in kind:
            raise ValueError(f"kind must be non-empty and without ':': {kind!r}")
        normalized = normalize_code(number)
        if not normalized:
            raise ValueError("cannot hash an empty identifier")
        if "*" in normalized:
            raise ValueError("cannot hash a masked identifier")
        message = f"{kind}:{normalized}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:_DIGEST_HEX_CHARS]
