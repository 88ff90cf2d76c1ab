"""Resident ID (GB 11643) checks, masking, and keyed pseudonyms."""

from __future__ import annotations

import hashlib
import hmac
import random
from datetime import date, timedelta

import pytest

from graph_service.identifiers import (
    IdentityHasher,
    check_resident_id,
    is_masked,
    make_resident_id,
    mask_id_number,
    resident_id_check_char,
)

# The example number from GB 11643-1999 itself (check value 10 -> X).
STANDARD_EXAMPLE = "11010519491231002X"


def test_standard_example() -> None:
    result = check_resident_id(STANDARD_EXAMPLE)
    assert result.valid and result.problem is None
    assert result.birth_date == date(1949, 12, 31)
    assert result.gender == "female"  # sequence 002 is even
    assert result.region == "110105"


def test_make_resident_id_round_trips() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        region = f"{rng.randrange(110000, 660000):06d}"
        birth = date(1900, 1, 1) + timedelta(days=rng.randrange(45000))
        sequence = rng.randrange(1000)
        number = make_resident_id(region, birth, sequence)
        result = check_resident_id(number)
        assert result.valid, number
        assert result.birth_date == birth and result.region == region
        assert result.gender == ("male" if sequence % 2 else "female")


def test_county_newer_than_birth_is_accepted() -> None:
    # 650102 天山区 was created after 1970; people keep their first county's code anyway.
    number = make_resident_id("650102", date(1970, 5, 17), 123)
    assert check_resident_id(number).valid


def _with_check(body17: str) -> str:
    return body17 + resident_id_check_char(body17)


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("", "empty"),  # nothing
        ("110105194912310", "length"),  # old 15-digit format is not accepted here
        ("11010519491231002", "length"),  # check char missing
        ("1101051949123100AX", "alphabet"),  # letter in the sequence
        ("11010519491231002Y", "alphabet"),  # only X may stand for 10
        ("110105194912310021", "check_digit"),  # wrong check char
        (_with_check("65010219990230123"), "birth_date"),  # 30 February
        (_with_check("65010218991231123"), "birth_date"),  # before 1900
        (_with_check("65010219991301123"), "birth_date"),  # month 13
        (_with_check("65010229990101123"), "birth_date_future"),  # year 2999
    ],
)
def test_problems(number: str, problem: str) -> None:
    result = check_resident_id(number)
    assert result.problem == problem
    assert not result.valid


def test_impossible_date_keeps_other_fields() -> None:
    result = check_resident_id(_with_check("65010219990230123"))
    assert result.well_formed and result.check_ok
    assert result.birth_date is None and result.region == "650102" and result.gender == "male"


def test_date_in_near_future_is_flagged() -> None:
    soon = date.today() + timedelta(days=30)
    number = _with_check(f"650102{soon:%Y%m%d}123")
    assert check_resident_id(number).problem == "birth_date_future"
    with pytest.raises(ValueError):
        make_resident_id("650102", soon, 123)


def test_fullwidth_and_lowercase_input_normalises() -> None:
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in STANDARD_EXAMPLE.lower())
    result = check_resident_id(f" {fullwidth[:6]} {fullwidth[6:14]}\u3000{fullwidth[14:]} ")
    assert result.number == STANDARD_EXAMPLE
    assert result.valid


@pytest.mark.parametrize(
    ("region", "birth", "sequence"),
    [
        ("65010", date(1970, 1, 1), 1),  # region too short
        ("65010A", date(1970, 1, 1), 1),  # region not digits
        ("650102", date(1970, 1, 1), 1000),  # sequence has three digits
        ("650102", date(1970, 1, 1), -1),  # negative sequence
        ("650102", date(1899, 12, 31), 1),  # before 1900
    ],
)
def test_make_resident_id_rejects_bad_parts(region: str, birth: date, sequence: int) -> None:
    with pytest.raises(ValueError):
        make_resident_id(region, birth, sequence)


def test_check_char_needs_17_digits() -> None:
    with pytest.raises(ValueError):
        resident_id_check_char("1101051949123100")
    with pytest.raises(ValueError):
        resident_id_check_char("1101051949123100A")


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("65010219700517123x", "650102********123X"),  # the documented display form
        ("６５０１０２１９７００５１７１２３Ｘ", "650102********123X"),  # full-width input
        ("650102********123X", "650102********123X"),  # already masked: kept
        ("6501 02** **** **12 3x", "650102********123X"),  # masked with spaces: normalised
        ("650102197005171", "650102*****5171"),  # old 15-digit number
        ("E12345678", "E1*****78"),  # passport: at most 2 kept at each end
        ("G1234", "G***4"),  # very short: 1 each end
        ("123", "***"),  # tiny: nothing kept
        ("", ""),  # empty stays empty
    ],
)
def test_mask_id_number(number: str, masked: str) -> None:
    assert mask_id_number(number) == masked


def test_is_masked() -> None:
    assert is_masked("650102********123X")
    assert is_masked("650102＊＊＊＊＊＊＊＊123X")  # full-width asterisks
    assert not is_masked(STANDARD_EXAMPLE)


def test_identity_hasher() -> None:
    hasher = IdentityHasher("deployment-secret")
    digest = hasher.digest("resident_id", STANDARD_EXAMPLE)
    assert len(digest) == 32 and int(digest, 16) >= 0
    # Formatting noise and case do not change the pseudonym.
    assert hasher.digest("resident_id", " 110105 19491231 002x ") == digest
    # bytes and str secrets agree; other secrets and kinds differ.
    assert IdentityHasher(b"deployment-secret").digest("resident_id", STANDARD_EXAMPLE) == digest
    assert IdentityHasher("other").digest("resident_id", STANDARD_EXAMPLE) != digest
    assert hasher.digest("passport", STANDARD_EXAMPLE) != digest
    assert "deployment-secret" not in repr(hasher)


def test_identity_hasher_known_value() -> None:
    expected = hmac.new(b"k", b"passport:E12345678", hashlib.sha256).hexdigest()[:32]
    assert IdentityHasher("k").digest("passport", "e1234-5678") == expected


@pytest.mark.parametrize("secret", ["", b""])
def test_identity_hasher_rejects_empty_secret(secret: str | bytes) -> None:
    with pytest.raises(ValueError):
        IdentityHasher(secret)


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        ("resident_id", "650102********123X"),  # masked: would merge different persons
        ("resident_id", " "),  # empty after normalisation
        ("", STANDARD_EXAMPLE),  # no kind
        ("a:b", STANDARD_EXAMPLE),  # ':' would make the message ambiguous
    ],
)
def test_identity_hasher_rejects_bad_input(kind: str, number: str) -> None:
    with pytest.raises(ValueError):
        IdentityHasher("k").digest(kind, number)
