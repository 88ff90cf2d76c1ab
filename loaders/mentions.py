"""Building mentions from raw cells: names cleaned, codes checked, ID numbers hashed here.

This is the loader boundary for personal data: a full ID number enters, and only its keyed
hash and masked form leave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph_service.identifiers import (
    IdentityHasher,
    check_resident_id,
    check_uscc,
    clean_name,
    is_masked,
    mask_id_number,
    name_key,
    normalize_code,
    split_status_suffix,
)
from graph_service.model import Authority, Enterprise, Person
from loaders.facts import Mention
from loaders.values import text


@dataclass(frozen=True)
class MentionFactory:
    """Makes mentions; holds the deployment's ID hasher."""

    hasher: IdentityHasher

    def enterprise(
        self,
        ref: str,
        name: Any,
        code: Any = None,
        *,
        warnings: list[str],
        aliases: list[str] | None = None,
        **fields: Any,
    ) -> Mention:
        raw_name = text(name) or ""
        bare, status_note = split_status_suffix(raw_name)
        display = clean_name(bare) if bare else ""
        uscc_key = None
        code_text = text(code)
        if code_text:
            check = check_uscc(code_text)
            fields["uscc"] = check.code
            fields["uscc_valid"] = check.valid
            if check.valid:
                uscc_key = check.code
                fields.setdefault("region", check.region)
            else:
                warnings.append(f"uscc_{check.problem or 'invalid'}")
        stock_key = text(fields.get("stock_code"))
        if stock_key:
            fields["stock_code"] = normalize_code(stock_key)
            # 600000.SH and 600000 are one listing: the six digits are unique across exchanges.
            stock_key = re.sub(r"\.(SH|SZ|BJ)$", "", fields["stock_code"])
        if status_note and not fields.get("status"):
            fields["status"] = status_note
        clean_aliases = [clean_name(a) for a in (aliases or []) if a and clean_name(a) != display]
        fallback = fields.get("uscc") or stock_key or ""
        prototype = Enterprise(id="", name=display or fallback, **fields)
        prototype.aliases = list(dict.fromkeys(clean_aliases))
        keys = [name_key(n) for n in [display, *prototype.aliases] if n]
        contacts = [f"phone:{normalize_code(p)}" for p in prototype.phones]
        contacts += [f"email:{e.lower()}" for e in prototype.emails]
        return Mention(
            ref=ref,
            prototype=prototype,
            uscc_key=uscc_key,
            stock_key=stock_key,
            name_keys=list(dict.fromkeys(k for k in keys if k)),
            contacts=contacts,
        )

    def person(
        self,
        ref: str,
        name: Any,
        id_number: Any = None,
        *,
        anchor: str | None,
        warnings: list[str],
        **fields: Any,
    ) -> Mention:
        display = clean_name(text(name) or "")
        id_hash = None
        raw_id = text(id_number)
        if raw_id:
            number = normalize_code(raw_id)
            fields["id_masked"] = mask_id_number(number)
            if is_masked(number):
                warnings.append("id_number_masked_weak")
            elif len(number) == 18:
                check = check_resident_id(number)
                if check.valid:
                    id_hash = self.hasher.digest("resident_id", check.number)
                    fields.setdefault("gender", check.gender)
                    if check.birth_date:
                        fields.setdefault("birth_year", check.birth_date.year)
                else:
                    warnings.append("id_number_invalid")
            else:
                id_hash = self.hasher.digest("other_id", number)
        if id_hash is None:
            fields["identity_basis"] = "name_in_context"
            warnings.append("person_without_identifier")
        prototype = Person(id="", name=display, id_hash=id_hash, **fields)
        return Mention(
            ref=ref,
            prototype=prototype,
            id_hash=id_hash,
            name_keys=[name_key(display)] if display else [],
            anchor=anchor,
        )

    def authority(self, ref: str, name: Any, code: Any = None) -> Mention:
        display = clean_name(text(name) or "")
        code_text = text(code)
        uscc = check_uscc(code_text).code if code_text else None
        prototype = Authority(id="", name=display, uscc=uscc)
        return Mention(ref=ref, prototype=prototype, name_keys=[name_key(display)])
