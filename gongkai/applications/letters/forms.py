from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class LetterTemplateForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=100)
    body = forms.CharField(
        label=_("正文模板"),
        widget=forms.Textarea(
            attrs={
                "rows": 24,
                "cols": 100,
                "spellcheck": "false",
                "style": "width: 100%",
            }
        ),
        help_text=_(
            "使用 Django 模板语法，例如 {{ applicant.name }}、{{ decision.article }}、"
            "{{ remedies.body }}；每一行为一个段落，段首用两个全角空格缩进。"
            "机关名称和日期（落款）由系统自动添加。"
        ),
    )
