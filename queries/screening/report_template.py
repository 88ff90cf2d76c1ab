"""The printable screening report's page, style and Chinese labels, kept apart from the code.

A Python module rather than an .html file so it ships with the package without package-data;
``string.Template`` placeholders only ever receive text already passed through html.escape.
"""

from __future__ import annotations

from string import Template

TITLE = "投标人信用核查报告"

DOMAIN_LABELS = {
    "government_procurement": "政府采购",
    "bidding": "招标投标",
    "market_access": "市场准入",
    "public_office": "担任法定代表人、董事、监事、高级管理人员",
    "subsidies": "财政补贴、专项资金",
    "honours": "评优评先、表彰",
    "high_consumption": "高消费",
    "credit_financing": "融资授信",
    "administrative_approval": "行政审批",
}
VERDICT_LABELS = {
    "restricted": "限制",
    "warning": "警示",
    "info": "提示",
    "clear": "未见限制",
}
VERDICT_NOTES = {
    "restricted": "有规则在该领域、该日期限制投标人本身",
    "warning": "有规则限制其关键人员（法定代表人、控股股东、实际控制人等）",
    "info": "检索深度内的关联方有有效信用记录，仅供参考",
    "clear": "未发现有效的限制性记录",
}
STATUS_LABELS = {
    "screened": "已核查",
    "not_found": "未找到主体",
    "ambiguous": "名称对应多个主体",
    "bad_row": "无效行",
}
RELATION_LABELS = {
    "LEGAL_REPRESENTATIVE_OF": "法定代表人",
    "SHAREHOLDER_OF": "股东",
    "OFFICER_OF": "任职",
    "BRANCH_OF": "分支机构",
    "REGISTERED_AT": "执业注册",
    "HOLDS": "持有执业证书",
    "SUBJECT_OF": "信用记录主体",
    "DECIDED_BY": "决定机关",
    "SHARES_CONTACT": "共用联系方式",
}
RECORD_LABELS = {
    "penalty": "行政处罚",
    "licence": "行政许可",
    "dishonest_debtor": "失信被执行人",
    "list_entry": "名单",
    "red_list": "守信激励名单",
    "repair": "信用修复",
}

CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
  font-size: 10.5pt; line-height: 1.5; color: #111; max-width: 182mm; margin: 0 auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 2mm; letter-spacing: 0.1em; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #333; margin: 6mm 0 2mm; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 0 0 1.5mm; }
p.sub { text-align: center; margin: 0 0 4mm; color: #444; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
th, td { border: 0.5pt solid #888; padding: 1mm 1.5mm; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th { background: #eee; font-weight: bold; }
td.code { white-space: nowrap; font-family: monospace; font-size: 8.5pt; }
td.name { min-width: 30mm; }
thead { display: table-header-group; }
tr, article, li { break-inside: avoid; page-break-inside: avoid; }
table.meta th { width: 32mm; }
table.kv { font-size: 9.5pt; }
table.kv th { width: 22mm; background: #f6f6f6; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; }
article { border: 0.5pt solid #bbb; border-left: 3pt solid #bbb; padding: 2mm 3mm;
  margin: 0 0 3mm; }
article.v-restricted { border-left-color: #b00020; }
article.v-warning { border-left-color: #d97800; }
article.v-info { border-left-color: #1f5fa8; }
article.v-clear { border-left-color: #2e7d32; }
.badge { display: inline-block; padding: 0 2mm; border-radius: 1mm; color: #fff;
  font-size: 9pt; background: #777; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge.restricted { background: #b00020; }
.badge.warning { background: #d97800; }
.badge.info { background: #1f5fa8; }
.badge.clear { background: #2e7d32; }
.path .rel { color: #555; font-size: 9pt; }
.small, .sources { color: #555; font-size: 8.5pt; }
ul.warnings li, p.error { color: #8a4b00; }
ol.findings { padding-left: 5mm; margin: 1mm 0; }
footer { margin-top: 6mm; border-top: 0.5pt solid #888; padding-top: 2mm; font-size: 9pt; }
"""

PAGE = Template("""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="sub">${subtitle}</p>
</header>
<section>
<h2>核查信息</h2>
<table class="meta"><tbody>
${meta}
</tbody></table>
</section>
<section>
<h2>核查结论汇总</h2>
${summary}
</section>
<section>
<h2>投标人一览</h2>
${overview}
</section>
<section>
<h2>逐一核查情况</h2>
${bidders}
</section>
<footer>
${footer}
</footer>
</body>
</html>
""")
