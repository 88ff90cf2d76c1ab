"""Chinese identifiers (USCC, organisation code, resident ID) and name normalisation.

Everything here is pure and dependency-free so loaders, matchers and the synthetic data
generator agree on one definition of "valid" and "same name".
"""

from __future__ import annotations

from .names import (
    STATUS_SUFFIXES,
    clean_name,
    is_person_like_name,
    name_key,
    split_status_suffix,
    to_halfwidth,
)
from .org_code import check_org_code, org_code_check_char
from .pseudonym import IdentityHasher, is_masked
from .resident_id import (
    ResidentIdCheck,
    check_resident_id,
    make_resident_id,
    mask_id_number,
    resident_id_check_char,
)
from .uscc import (
    USCC_ALPHABET,
    UsccCheck,
    check_uscc,
    complete_uscc,
    make_uscc,
    normalize_code,
    uscc_check_char,
)

__all__ = [
    "STATUS_SUFFIXES",
    "USCC_ALPHABET",
    "IdentityHasher",
    "ResidentIdCheck",
    "UsccCheck",
    "check_org_code",
    "check_resident_id",
    "check_uscc",
    "clean_name",
    "complete_uscc",
    "is_masked",
    "is_person_like_name",
    "make_resident_id",
    "make_uscc",
    "mask_id_number",
    "name_key",
    "normalize_code",
    "org_code_check_char",
    "resident_id_check_char",
    "split_status_suffix",
    "to_halfwidth",
    "uscc_check_char",
]
