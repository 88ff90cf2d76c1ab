"""Decision and case numbers (文书号, 案号) as matching keys."""

from __future__ import annotations

import unicodedata


def decision_key(number: str) -> str:
    """Matching form of a decision or case number: NFKC, no spaces, so （2023） = (2023).

    The published form is kept for display; only comparisons use this key.
    """
    return "".join(unicodedata.normalize("NFKC", number).split())
