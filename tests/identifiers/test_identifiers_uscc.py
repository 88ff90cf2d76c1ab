"""USCC (GB 32100) and organisation code (GB 11714) checks, against real codes and stdnum."""

from __future__ import annotations

import random

import pytest
from stdnum.cn import uscc as stdnum_uscc

from graph_service.identifiers import (
    USCC_ALPHABET,
    check_org_code,
    check_uscc,
    complete_uscc,
    make_uscc,
    normalize_code,
    org_code_check_char,
    uscc_check_char,
)

PILOT_CODES = ("91350100M0001TGQXM", "91350211M0000XUF46", "91350203M0001FUE2P")
VALID = "91110000600037341L"  # stdnum's own doctest example


def test_all_real_codes_are_valid(real_uscc_rows: list[dict[str, str]]) -> None:
    for row in real_uscc_rows:
        result = check_uscc(row["uscc"])
        assert result.valid, row
        assert result.org_code_ok and result.check_ok and result.problem is None, row
        assert result.region == row["region_code"], row


def test_real_codes_survive_formatting_noise(real_uscc_rows: list[dict[str, str]]) -> None:
    for row in real_uscc_rows:
        code = row["uscc"]
        fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in code.lower())
        noisy = f"\u3000{fullwidth[:8]} - {fullwidth[8:]}\t"
        assert check_uscc(noisy).code == code
        assert check_uscc(noisy).valid


def test_check_char_matches_stdnum_on_random_bodies() -> None:
    rng = random.Random(20240601)
    for _ in range(3000):
        body = "".join(rng.choice(USCC_ALPHABET) for _ in range(17))
        assert uscc_check_char(body) == stdnum_uscc.calc_check_digit(body), body


def test_check_ok_matches_stdnum_is_valid() -> None:
    # stdnum wants digits in positions 1-8, so draw those from digits only.
    rng = random.Random(7)
    for _ in range(3000):
        body = "".join(rng.choice("0123456789") for _ in range(8))
        body += "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
        # Half the codes carry stdnum's check char, so both outcomes are exercised.
        right = rng.random() < 0.5
        last = stdnum_uscc.calc_check_digit(body) if right else rng.choice(USCC_ALPHABET)
        code = body + last
        assert check_uscc(code).check_ok == stdnum_uscc.is_valid(code), code


def test_every_single_substitution_is_flagged(real_uscc_rows: list[dict[str, str]]) -> None:
    # Mod 31 with weights coprime to 31 catches every single-character substitution.
    for row in real_uscc_rows[:20]:
        code = row["uscc"]
        for pos in range(18):
            for ch in USCC_ALPHABET:
                if ch == code[pos]:
                    continue
                corrupted = code[:pos] + ch + code[pos + 1 :]
                result = check_uscc(corrupted)
                assert result.well_formed and not result.check_ok, corrupted
                assert not result.valid


@pytest.mark.parametrize("code", PILOT_CODES)
def test_pilot_codes_are_kept_but_not_valid(code: str) -> None:
    # Legal early pilot-region codes: reported, never rejected as malformed.
    result = check_uscc(code)
    assert result.well_formed
    assert not result.check_ok and not result.valid
    assert result.problem == "check_digit"
    assert result.code == code and result.region == code[2:8]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),  # nothing at all
        (" \u3000-", "empty"),  # only separators
        (VALID[:17], "length"),  # check char missing
        (VALID + "0", "length"),  # one too many
        ("91110000600037341I", "alphabet"),  # I is not in the alphabet
        ("9111000060003734OL", "alphabet"),  # O neither
        ("91110000600037341A", "check_digit"),  # wrong check char
    ],
)
def test_problem_codes(text: str, problem: str) -> None:
    result = check_uscc(text)
    assert result.problem == problem
    assert not result.valid


def test_org_code_failure_alone_makes_code_invalid() -> None:
    # Valid mod-31 check char but a wrong embedded GB 11714 check: valid requires both.
    first16 = VALID[:16]
    wrong = next(c for c in "0123456789X" if c != VALID[16])
    code = complete_uscc(first16 + wrong)
    result = check_uscc(code)
    assert result.check_ok and result.well_formed
    assert not result.org_code_ok and not result.valid
    assert result.problem == "org_code_check"


def test_letter_in_region_leaves_region_unknown() -> None:
    code = complete_uscc("91A1000060003734" + "1")
    assert check_uscc(code).region is None


def test_normalize_code() -> None:
    assert normalize_code("９１１１ ００００\u3000６０００３７３４１ｌ") == VALID
    assert normalize_code("911100006-00037341L\u2014") == VALID
    assert normalize_code("\u200b91110000600037341l\ufeff") == VALID


@pytest.mark.parametrize(
    "bad",
    [
        "1234567890123456",  # 16 characters
        "123456789012345678",  # 18 characters
        "1234567890123456I",  # I is excluded from the alphabet
        "12345678901234$67",  # punctuation
    ],
)
def test_uscc_check_char_rejects_bad_bodies(bad: str) -> None:
    with pytest.raises(ValueError):
        uscc_check_char(bad)


def test_make_uscc_builds_fully_valid_codes() -> None:
    rng = random.Random(3)
    for _ in range(500):
        region = f"{rng.randrange(110000, 660000):06d}"
        body = "".join(rng.choice(USCC_ALPHABET) for _ in range(8))
        code = make_uscc(region, body)
        result = check_uscc(code)
        assert result.valid, code
        assert code.startswith("91" + region + body)
        assert stdnum_uscc.is_valid(code)
    assert make_uscc("650102", "MA7X1234", registration="5", entity_type="2")[:2] == "52"


@pytest.mark.parametrize(
    ("region", "body", "registration"),
    [
        ("65010", "MA7X1234", "9"),  # region too short
        ("65010A", "MA7X1234", "9"),  # region not digits
        ("650102", "MA7X123", "9"),  # body too short
        ("650102", "MA7X123O", "9"),  # O is valid in GB 11714 but not in a USCC
        ("650102", "MA7X1234", "I"),  # registration authority outside the alphabet
        ("650102", "MA7X1234", "91"),  # two characters
    ],
)
def test_make_uscc_rejects_bad_parts(region: str, body: str, registration: str) -> None:
    with pytest.raises(ValueError):
        make_uscc(region, body, registration=registration)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("D2143569-X", True),  # printed form with hyphen, check value 10 -> X
        ("D2143569X", True),  # bare nine characters
        ("d2143569-x", True),  # lower case is normalised
        ("D2143569-1", False),  # wrong check char
        ("D2143569", False),  # check char missing
        ("D2143569-XX", False),  # too long
        ("D214356$-X", False),  # punctuation in body
    ],
)
def test_check_org_code(text: str, ok: bool) -> None:
    assert check_org_code(text) is ok


def test_org_code_check_char_edge_values() -> None:
    # Enumerate bodies until both special results (10 -> X and 11 -> 0) appear.
    seen = {org_code_check_char(f"{n:08d}") for n in range(200)}
    assert {"X", "0"} <= seen
    with pytest.raises(ValueError):
        org_code_check_char("1234567")


def test_org_code_check_char_matches_embedded_codes(
    real_uscc_rows: list[dict[str, str]],
) -> None:
    for row in real_uscc_rows:
        code = row["uscc"]
        assert org_code_check_char(code[8:16]) == code[16], code
