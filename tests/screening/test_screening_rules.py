"""The rule catalogue: shipped coverage, validation with file and line, user rule files."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.errors import InputError
from queries.rules.loader import load_catalogue
from queries.rules.schema import Domain

GOOD_RULE = """
version: "local-1"
rules:
  - id: local.honours_penalty
    title: 本市评优评先限制
    trigger: {record_kinds: [penalty]}
    domains: [honours]
    measure: 三年内不得参加评优评先
    duration: {kind: fixed, years: 3}
    basis: {document_no: 乌政办〔2022〕9号, title: 乌鲁木齐市诚信体系建设“十四五”规划}
"""


def test_shipped_catalogue_covers_the_required_families() -> None:
    catalogue = load_catalogue()
    bases = {rule.basis.document_no for rule in catalogue.rules}
    assert {"财库〔2016〕125号", "发改财金〔2016〕141号", "发改财金〔2014〕3062号"} <= bases
    covered = {domain for rule in catalogue.rules for domain in rule.domains}
    assert {
        Domain.GOVERNMENT_PROCUREMENT,
        Domain.BIDDING,
        Domain.MARKET_ACCESS,
        Domain.PUBLIC_OFFICE,
        Domain.SUBSIDIES,
        Domain.HONOURS,
        Domain.HIGH_CONSUMPTION,
        Domain.CREDIT_FINANCING,
    } <= covered
    assert any(rule.effect == "incentive" for rule in catalogue.rules)
    assert catalogue.version.startswith("2026.12.1#")


def test_user_rules_join_without_code_and_change_the_version(tmp_path: Path) -> None:
    (tmp_path / "local.yaml").write_text(GOOD_RULE, encoding="utf-8")
    shipped = load_catalogue()
    extended = load_catalogue(tmp_path)
    assert len(extended.rules) == len(shipped.rules) + 1
    assert extended.version != shipped.version and "local-1" in extended.version


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # an unknown domain id
        (("domains: [honours]", "domains: [moon]"), "local.yaml line 4: rules.0.domains.0"),
        # fixed durations need years
        (("duration: {kind: fixed, years: 3}", "duration: {kind: fixed}"), "years is required"),
        # a misspelt key is refused, not ignored
        (("measure:", "measures:"), "Extra inputs are not permitted"),
        # a record kind the model does not know
        (("record_kinds: [penalty]", "record_kinds: [gossip]"), "line 4: rules.0.trigger"),
    ],
)
def test_a_bad_rule_file_is_refused_with_line_and_reason(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    (tmp_path / "local.yaml").write_text(GOOD_RULE.replace(*change), encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        load_catalogue(tmp_path)


def test_duplicate_rule_ids_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD_RULE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD_RULE, encoding="utf-8")
    with pytest.raises(InputError, match=r"already defined in a\.yaml"):
        load_catalogue(tmp_path)


def test_invalid_yaml_and_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        load_catalogue(tmp_path)
    with pytest.raises(InputError, match="rules folder not found"):
        load_catalogue(tmp_path / "nope")
