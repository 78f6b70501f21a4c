"""How a demo organisation is described, and its stable credit code.

Every organisation is identified by its credit code, which is derived from a
fixed key, so loading again finds what exists. Codes are fictional: the
administrative-division part of 鹤城市 is 9901xx (no such province), the
organisation-code part starts with "DEM", and the GB 11714 and GB 32100 check
characters are computed, so every code validates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.core.credit_codes import credit_code_check_character

DEMO_CITY = "鹤城市"
DEMO_DIVISION = "990100"


@dataclass(frozen=True)
class OrgSpec:
    key: int  # stable: the credit code derives from it
    name: str
    short_name: str
    kind: str
    code: str  # 机关代字 used in 发文字号, e.g. 鹤政办
    domain: str  # what the organisation's documents are about
    functions: str
    division: str = DEMO_DIVISION
    address: str = ""
    head_names: str = ""
    children: tuple[OrgSpec, ...] = field(default_factory=tuple)
    demo: bool = True  # False: a real issuer of a seed document

    @property
    def slug(self) -> str:
        return f"o{self.key}"


def gb11714_check(body8: str) -> str:
    """Check character of the 9-character organisation code (GB 11714-1997)."""
    values = [int(ch) if ch.isdigit() else ord(ch) - 55 for ch in body8]
    total = sum(v * w for v, w in zip(values, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def credit_code_for(spec: OrgSpec) -> str:
    body8 = f"DEM{spec.key:05d}"
    first17 = f"11{spec.division}{body8}{gb11714_check(body8)}"
    return first17 + credit_code_check_character(first17)


def walk(spec: OrgSpec) -> list[tuple[OrgSpec, OrgSpec | None]]:
    """(spec, parent spec) for the whole tree, parents first."""
    result: list[tuple[OrgSpec, OrgSpec | None]] = [(spec, None)]
    stack = [(child, spec) for child in reversed(spec.children)]
    while stack:
        node, parent = stack.pop()
        result.append((node, parent))
        stack.extend((child, node) for child in reversed(node.children))
    return result
