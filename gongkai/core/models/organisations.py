from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..credit_codes import validate_credit_code
from ..index_number_format import validate_index_number_format

DEFAULT_INDEX_NUMBER_FORMAT = "{credit_code}/{year}-{serial:05d}"

# An organisation's profile: its functions, persons in charge and the
# disclosure-office contact details its 政府信息公开指南 gives (条例第十二条).
# A head edits these for its own organisation; forms, services and the demo
# loader all take the list from here.
PROFILE_FIELDS: tuple[str, ...] = (
    "functions",
    "head_names",
    "office_name",
    "office_address",
    "office_hours",
    "office_phone",
    "office_fax",
    "office_email",
    "office_postal_code",
    "website",
)


class OrganisationKind(models.TextChoices):
    CITY_GOVERNMENT = "city_government", _("市人民政府")
    CITY_OFFICE = "city_office", _("市政府办公室")
    CITY_DEPARTMENT = "city_department", _("市直部门")
    COUNTY_GOVERNMENT = "county_government", _("县（区）人民政府")
    COUNTY_DEPARTMENT = "county_department", _("县（区）直部门")
    TOWNSHIP = "township", _("乡镇（街道）")


class Organisation(models.Model):
    """An administrative organ; the tree is kept as a materialised path.

    `path` is the chain of ids from the root ("/1/4/17/"), so a subtree is one
    indexed prefix query. It is maintained by `organisation_create` and
    `organisation_move`, never by hand.
    """

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级机关"),
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    name = models.CharField(_("名称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=30)
    kind = models.CharField(_("类型"), max_length=32, choices=OrganisationKind.choices)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
    )
    functions = models.TextField(_("主要职能"), blank=True)
    head_names = models.CharField(_("负责人"), max_length=200, blank=True)
    index_number_format = models.CharField(
        _("索引号格式"),
        max_length=100,
        default=DEFAULT_INDEX_NUMBER_FORMAT,
        help_text=_("可用占位符：{credit_code}、{year}、{serial}"),
        validators=[validate_index_number_format],
    )
    office_name = models.CharField(
        _("政府信息公开工作机构"), max_length=100, blank=True
    )
    office_address = models.CharField(_("办公地址"), max_length=200, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    office_phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    office_fax = models.CharField(_("传真"), max_length=50, blank=True)
    office_email = models.EmailField(_("电子邮箱"), blank=True)
    office_postal_code = models.CharField(_("邮政编码"), max_length=6, blank=True)
    website = models.URLField(_("网站"), blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("机关")
        verbose_name_plural = _("机关")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:organisation", args=[self.credit_code])

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2
