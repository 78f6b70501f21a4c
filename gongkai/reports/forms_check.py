from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .checking.readers import MAX_UPLOAD_BYTES


class ReportCheckForm(forms.Form):
    """Another unit's report: an uploaded table file or a pasted web page."""

    file = forms.FileField(
        label=_("报表文件"),
        required=False,
        help_text=_("官方格式的 Excel（.xlsx）或 CSV 文件，最大 5 MB。"),
    )
    html = forms.CharField(
        label=_("或粘贴已发布年报网页的 HTML"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=2_000_000,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload, html = data.get("file"), (data.get("html") or "").strip()
        if bool(upload) == bool(html):
            raise forms.ValidationError(
                _("请上传一个报表文件，或粘贴网页 HTML（二选一）。")
            )
        if upload is not None and upload.size > MAX_UPLOAD_BYTES:
            self.add_error("file", _("文件过大（上限 5 MB）。"))
        return data
