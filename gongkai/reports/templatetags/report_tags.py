from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Mapping[str, Any], key: str) -> Any:
    """Dictionary lookup by a variable key (the grids, the drill-down links)."""
    return mapping.get(key)
