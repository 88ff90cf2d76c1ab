"""Report files of a batch screening, to be filed as evidence and checked later.

The JSON result is canonical (sorted keys, UTF-8, fixed indent) so its SHA-256 identifies the
screening: the HTML states it, and a re-run on the same data with the same inputs (checked_at
included) writes the same bytes. The CSV and XLSX are tables for people; they are derived
from the JSON and not hashed.
"""

from __future__ import annotations

__all__ = [
    "TABLE_HEADERS",
    "canonical_json",
    "path_text",
    "render_html",
    "report_prefix",
    "result_sha256",
    "table_rows",
    "write_reports",
]

import csv
import hashlib
import html
import json
import re
from collections.abc import Iterable
from pathlib import Path

from queries.screening.batch import BatchResult, BatchRow
from queries.screening.models import Finding, PathStep, RecordRef
from queries.screening.report_template import (
    CSS,
    DOMAIN_LABELS,
    PAGE,
    RECORD_LABELS,
    RELATION_LABELS,
    STATUS_LABELS,
    TITLE,
    VERDICT_LABELS,
    VERDICT_NOTES,
)

TABLE_HEADERS = (
    "行号", "投标人名称", "统一社会信用代码", "核查状态", "核查结论", "匹配主体", "主要原因",
    "规则编号", "法律依据", "决定文书号", "提示",
)  # fmt: skip
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]+")
_FORMULA_START = ("=", "+", "-", "@")
_SHA_KEY = "结果 JSON SHA-256"
_SHA_ID = ' id="result-sha256"'


def canonical_json(result: BatchResult) -> bytes:
    """The bytes that are written and hashed: one serialisation, never two."""
    payload = result.model_dump(mode="json")
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def result_sha256(result: BatchResult) -> str:
    return hashlib.sha256(canonical_json(result)).hexdigest()


def path_text(path: Iterable[PathStep]) -> str:
    """节点 → 关系 → 节点, for terminals."""
    return " → ".join(step.rel or step.name or step.node or "?" for step in path)


def _unique(values: Iterable[str | None]) -> str:
    return "；".join(dict.fromkeys(v for v in values if v))


def _top_reason(row: BatchRow) -> str:
    if row.screening is not None:
        findings = row.screening.findings
        return findings[0].reason if findings else VERDICT_NOTES["clear"]
    if row.candidates:
        names = "；".join(f"{c.name} ({c.uscc or c.id_masked or c.id})" for c in row.candidates)
        return f"{row.error}: {names}"
    return row.error or ""


def table_rows(result: BatchResult) -> list[list[str | int]]:
    """One line per input row, in input order."""
    out: list[list[str | int]] = []
    for row in result.rows:
        findings = row.screening.findings if row.screening else []
        subject = row.screening.subject if row.screening else None
        out.append(
            [
                row.row,
                row.name or "",
                row.uscc or "",
                row.status,
                row.verdict or "",
                f"{subject.name} ({subject.uscc or subject.id_masked or subject.id})"
                if subject
                else "",
                _top_reason(row),
                _unique(f.rule.id for f in findings if f.rule),
                _unique(f.rule.basis for f in findings if f.rule),
                _unique(f.record.decision_no for f in findings),
                _unique(w.message for w in row.warnings),
            ]
        )
    return out


def _one_line(value: str | int) -> str | int:
    return _CONTROL_RE.sub(" ", value) if isinstance(value, str) else value


def _cell(value: str | int) -> str | int:
    """One physical line per cell, and no CSV cell a spreadsheet would run as a formula."""
    value = _one_line(value)
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _write_csv(result: BatchResult, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(TABLE_HEADERS)
        writer.writerows([_cell(v) for v in line] for line in table_rows(result))


def _write_xlsx(result: BatchResult, sha256: str, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "核查结果"
    sheet.append(list(TABLE_HEADERS))
    for line in table_rows(result):
        sheet.append([_one_line(v) for v in line])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip(
        "ABCDEFGHIJK", (6, 30, 22, 12, 10, 36, 60, 30, 40, 30, 40), strict=True
    ):
        sheet.column_dimensions[column].width = width
    meta = workbook.create_sheet("核查信息")
    for key, value in _meta_pairs(result, sha256):
        meta.append([key, _one_line(value)])
    for line in [*sheet.iter_rows(min_row=2), *meta.iter_rows()]:
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
    sheet.freeze_panes = "A2"
    meta.column_dimensions["A"].width = 20
    meta.column_dimensions["B"].width = 80
    workbook.save(path)


def _meta_pairs(result: BatchResult, sha256: str) -> list[tuple[str, str]]:
    source = result.input
    return [
        ("核查领域", f"{DOMAIN_LABELS.get(result.domain, result.domain)} ({result.domain})"),
        ("投标日期（核查基准日）", result.as_of.isoformat()),
        ("核查时间 (UTC)", result.checked_at.isoformat()),
        ("数据版本", result.data_version),
        ("规则版本", result.rules_version),
        ("关联检索深度", str(result.depth)),
        (
            "记录截止时点",
            result.known_at.isoformat() if result.known_at else "核查时已载入的全部记录",
        ),
        ("投标人名单", f"{source.file} (SHA-256 {source.sha256})" if source else "接口提交"),
        (_SHA_KEY, sha256),
    ]


def report_prefix(result: BatchResult, target: Path) -> Path:
    """A folder gets ``screening-<checked_at>`` (never over an earlier report: filed evidence
    stays as filed); anything else is the prefix itself."""
    if not target.is_dir():
        return target
    stem = f"screening-{result.checked_at:%Y%m%dT%H%M%SZ}"
    prefix, number = target / stem, 1
    while prefix.with_name(f"{prefix.name}.json").exists():
        number += 1
        prefix = target / f"{stem}-{number}"
    return prefix


def write_reports(result: BatchResult, target: Path) -> dict[str, Path]:
    """Write ``<prefix>.json``, ``.json.sha256`` (sha256sum format), ``.csv``, ``.xlsx`` and
    ``.html``; the HTML states the SHA-256 of the JSON bytes written."""
    prefix = report_prefix(result, Path(target))
    prefix.parent.mkdir(parents=True, exist_ok=True)
    paths = {
        kind: prefix.with_name(f"{prefix.name}.{suffix}")
        for kind, suffix in (
            ("json", "json"),
            ("sha256", "json.sha256"),
            ("csv", "csv"),
            ("xlsx", "xlsx"),
            ("html", "html"),
        )
    }
    data = canonical_json(result)
    sha256 = hashlib.sha256(data).hexdigest()
    paths["json"].write_bytes(data)
    paths["sha256"].write_text(f"{sha256}  {paths['json'].name}\n", encoding="utf-8")
    _write_csv(result, paths["csv"])
    _write_xlsx(result, sha256, paths["xlsx"])
    paths["html"].write_text(render_html(result, sha256), encoding="utf-8")
    return paths


# --- HTML -------------------------------------------------------------------------------

e = html.escape


def _badge(level: str | None) -> str:
    if level is None:
        return ""
    return f'<span class="badge {e(level)}">{e(VERDICT_LABELS.get(level, level))}</span>'


def _path_html(path: list[PathStep]) -> str:
    parts = []
    for step in path:
        if step.rel is not None:
            label = RELATION_LABELS.get(step.rel, step.rel)
            parts.append(f'<span class="rel" title="{e(step.rel)}">{e(label)}</span>')
        else:
            parts.append(
                f'<span class="node">{e(step.name or step.node or "?")}'
                f' <code class="small">{e(step.node or "")}</code></span>'
            )
    sources = _unique(step.source for step in path)
    tail = f'<div class="sources">关系来源: {e(sources)}</div>' if sources else ""
    return f'<div class="path">{" → ".join(parts)}</div>{tail}'


def _record_html(record: RecordRef) -> str:
    kind = RECORD_LABELS.get(record.kind, record.kind)
    span = f"{record.valid_from or '—'} 至 {record.valid_to or '—'}"
    removed = f"，移出/修复 {record.removed_on}" if record.removed_on else ""
    facts = [
        kind + (f"（{record.list_type}）" if record.list_type else ""),
        record.decision_no or record.id,
        record.authority or "",
        f"有效期 {span}{removed}",
        f"主体 {record.holder.name}",
    ]
    sources = f'<div class="sources">记录来源: {e(_unique(record.sources))}</div>'
    return e("，".join(f for f in facts if f)) + (sources if record.sources else "")


def _finding_html(finding: Finding) -> str:
    head = f"<p>{_badge(finding.level)} {e(finding.reason)}</p>"
    if finding.rule is None:  # a related party's record: context, kept short
        return f'<li class="small">{head}{_path_html(finding.path)}</li>'
    rule = finding.rule
    until = f"（措施至 {rule.active_until}）" if rule.active_until else ""
    rows = [
        ("规则", f"<code>{e(rule.id)}</code> {e(rule.title)}"),
        ("惩戒措施", e(rule.measure + until)),
        ("法律依据", e(rule.basis)),
        ("适用对象", e(rule.party)),
        ("信用记录", _record_html(finding.record)),
        ("证据路径", _path_html(finding.path)),
    ]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<li>{head}<table class="kv"><tbody>{table}</tbody></table></li>'


def _bidder_html(row: BatchRow) -> str:
    given = " / ".join(e(x) for x in (row.name, row.uscc) if x) or "（空）"
    level = row.verdict or row.status
    parts = [
        f'<article class="v-{e(level)}" id="row-{row.row}">',
        f"<h3>第 {row.row} 行 · {given} {_badge(row.verdict)}"
        f' <span class="small">{e(STATUS_LABELS[row.status])}</span></h3>',
    ]
    if row.screening is not None:
        subject = row.screening.subject
        code = subject.uscc or subject.id_masked or ""
        parts.append(
            f'<p class="small">匹配主体: {e(subject.name)} [{e(subject.kind)}] {e(code)}'
            f" <code>{e(subject.id)}</code> · {e(VERDICT_NOTES[row.screening.verdict])}</p>"
        )
    if row.warnings:
        items = "".join(f"<li>{e(w.message)}</li>" for w in row.warnings)
        parts.append(f'<ul class="warnings">{items}</ul>')
    if row.error:
        parts.append(f'<p class="error">{e(row.error)}</p>')
    if row.candidates:
        items = "".join(
            f"<li>{e(c.name)} [{e(c.kind)}] {e(c.uscc or c.id_masked or '')} <code>{e(c.id)}</code>"
            f" ({e(c.matched_on)})</li>"
            for c in row.candidates
        )
        parts.append(f"<p>候选主体:</p><ul>{items}</ul>")
    if row.screening is not None and row.screening.findings:
        findings = "".join(_finding_html(f) for f in row.screening.findings)
        parts.append(f'<ol class="findings">{findings}</ol>')
    if row.screening is not None and row.screening.incentives:
        items = "".join(f"<li>{e(f.reason)}</li>" for f in row.screening.incentives)
        parts.append(f'<p class="small">守信激励（不影响结论）:</p><ul class="small">{items}</ul>')
    parts.append("</article>")
    return "\n".join(parts)


def _summary_html(result: BatchResult) -> str:
    statuses = "".join(
        f"<tr><td>{e(STATUS_LABELS[k])} ({e(k)})</td><td>{v}</td></tr>"
        for k, v in result.status_counts.items()
    )
    verdicts = "".join(
        f"<tr><td>{_badge(k)} {e(VERDICT_NOTES[k])}</td><td>{v}</td></tr>"
        for k, v in result.verdict_counts.items()
    )
    return (
        f"<p>共 {len(result.rows)} 行投标人。</p>"
        f"<table><thead><tr><th>核查状态</th><th>行数</th></tr></thead><tbody>{statuses}</tbody>"
        f"</table><table><thead><tr><th>核查结论（已核查的行）</th><th>行数</th></tr></thead>"
        f"<tbody>{verdicts}</tbody></table>"
    )


def _bidder_name(row: BatchRow) -> str:
    """The name as given, else the matched entity's (a row may give only a code)."""
    if row.name:
        return row.name
    return row.screening.subject.name if row.screening else ""


def _overview_html(result: BatchResult) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("行号", "投标人", "代码", "状态", "结论", "主要原因"))
    body = "".join(
        f'<tr><td><a href="#row-{row.row}">{row.row}</a></td>'
        f'<td class="name">{e(_bidder_name(row))}</td>'
        f'<td class="code">{e(row.uscc or "")}</td><td>{e(STATUS_LABELS[row.status])}</td>'
        f"<td>{_badge(row.verdict)}</td><td>{e(_top_reason(row))}</td></tr>"
        for row in result.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _footer_html(result: BatchResult, sha256: str) -> str:
    source = result.input.file if result.input else "<名单文件>"
    moment = result.checked_at.isoformat()
    known = f" --known-at {result.known_at.isoformat()}" if result.known_at else ""
    command = (
        f"creditgraph screen-batch {source} --domain {result.domain} --as-of {result.as_of}"
        f" --depth {result.depth}{known} --checked-at {moment}"
    )
    return (
        f"<p>本报告由 creditgraph 生成。结果 JSON 文件的 SHA-256 为 <code>{e(sha256)}</code>，"
        "可用 <code>sha256sum -c</code> 校验。</p>"
        f"<p>复核: 在数据版本 <code>{e(result.data_version)}</code>、规则版本 "
        f"<code>{e(result.rules_version)}</code> 下执行 <code>{e(command)}</code>"
        " 可得到逐字节相同的 JSON 结果；数据已更新时，加 "
        f"<code>--known-at {e(moment)}</code> 只计入核查时已载入的记录。</p>"
    )


def render_html(result: BatchResult, sha256: str) -> str:
    """The printable report; every value from data or input is escaped."""
    meta = "\n".join(
        f"<tr><th>{e(k)}</th><td{_SHA_ID if k == _SHA_KEY else ''}>{e(v)}</td></tr>"
        for k, v in _meta_pairs(result, sha256)
    )
    domain = DOMAIN_LABELS.get(result.domain, result.domain)
    return PAGE.substitute(
        title=e(TITLE),
        css=CSS,
        subtitle=e(
            f"{domain} · 投标日期 {result.as_of} · 核查时间 {result.checked_at:%Y-%m-%d %H:%M} UTC"
        ),
        meta=meta,
        summary=_summary_html(result),
        overview=_overview_html(result),
        bidders="\n".join(_bidder_html(row) for row in result.rows),
        footer=_footer_html(result, sha256),
    )
