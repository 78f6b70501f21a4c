"""Who hears an administrative reconsideration of an organisation's reply.

行政复议法 (2023年修订，2024年1月1日起施行) 第二十四条: the government at the
same level hears cases against its departments (县级以上地方各级人民政府工作部门),
the next-higher government hears cases against a lower government — so a
township (乡镇) goes to its county, a county to the city. Vertically-led
systems (第二十七条) are out of scope: their letters override the body in
the template text (or pass `extra["reconsideration_body"]`).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from gongkai.core.models import Organisation, OrganisationKind

_K = OrganisationKind
# The government kind that hears cases against an organisation of each kind.
_HEARD_BY: dict[str, tuple[str, ...]] = {
    _K.CITY_OFFICE: (_K.CITY_GOVERNMENT,),
    _K.CITY_DEPARTMENT: (_K.CITY_GOVERNMENT,),
    _K.COUNTY_GOVERNMENT: (_K.CITY_GOVERNMENT,),
    _K.COUNTY_DEPARTMENT: (_K.COUNTY_GOVERNMENT,),
    _K.TOWNSHIP: (_K.COUNTY_GOVERNMENT,),
}


def _ancestors(organisation: Organisation) -> list[Organisation]:
    """The chain above `organisation`, nearest first (from its materialised path)."""
    ids = [int(part) for part in organisation.path.strip("/").split("/") if part]
    ids = [pk for pk in ids if pk != organisation.pk]
    by_id = Organisation.objects.in_bulk(ids)
    return [by_id[pk] for pk in reversed(ids) if pk in by_id]


def reconsideration_body(organisation: Organisation) -> str:
    """The name of the 行政复议机关 for acts of `organisation`.

    The city government itself answers to the provincial government, which
    the platform does not hold: the letter then says 上一级人民政府.
    """
    kinds = _HEARD_BY.get(organisation.kind)
    if kinds:
        for ancestor in _ancestors(organisation):
            if ancestor.kind in kinds:
                return ancestor.name
    if organisation.kind == _K.CITY_GOVERNMENT:
        return _("上一级人民政府")
    if organisation.kind == _K.TOWNSHIP:
        return _("县级人民政府")
    return _("本级人民政府")
