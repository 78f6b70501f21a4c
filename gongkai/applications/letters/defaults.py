"""Default letter texts: what `letter_templates_seed` stores and what
`letter_issue` falls back to when a row is missing."""

from __future__ import annotations

from ..choices import Outcome
from ..models import LetterKind
from .defaults_reply import REPLY_TITLE, reply_default

RECEIPT = """{{ applicant.name }}：
　　您于{{ application.lodged_on }}通过{{ application.channel }}提交的政府信息公开申请{% if receipt.confirmed %}已于{{ application.received_on }}由本机关收到{% else %}已提交，待本机关确认{% endif %}。查询码：{{ application.tracking_code }}，请妥善保存。
　　申请内容：“{{ application.description }}”
{% if receipt.confirmed %}
　　本机关收到申请之日为{{ application.received_on }}。{% if application.due_on %}按现行工作日历，答复期限为{{ application.due_on }}{% if application.due_provisional %}（暂定，待次年放假安排公布后重新计算）{% endif %}。{% endif %}
{% else %}
　　根据《中华人民共和国政府信息公开条例》第三十一条的规定，通过互联网渠道提交的申请，以双方确认之日为收到申请之日。本机关政府信息公开工作机构将与您确认，确认后即开始计算答复期限。
{% endif %}
　　接下来的办理：本机关将对申请进行登记、审查。根据《中华人民共和国政府信息公开条例》第三十条、第三十三条的规定：能够当场答复的当场答复；不能当场答复的，自收到申请之日起{{ limits.reply_wd }}个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过{{ limits.extension_wd }}个工作日。申请内容不明确的，本机关将自收到申请之日起{{ limits.correction_wd }}个工作日内一次性告知您需要补正的事项，答复期限自收到补正后的申请之日起计算。征求第三方和其他机关意见所需时间不计算在答复期限内。
　　您可以在{{ receipt.track_url }}凭查询码和手机号码后四位查询办理进度、下载告知书。
　　联系地址：{{ organisation.office_address }}{% if organisation.office_phone %}；联系电话：{{ organisation.office_phone }}{% endif %}。
"""

CORRECTION = """{{ applicant.name }}：
　　本机关于{{ application.received_on }}收到您提出的政府信息公开申请（查询码：{{ application.tracking_code }}），申请获取：“{{ application.description }}”。
　　经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项如下：
{% for line in correction.item_lines %}　　{{ forloop.counter }}. {{ line }}
{% endfor %}　　请您于{{ correction.deadline }}前向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
　　联系地址：{{ organisation.office_address }}{% if organisation.office_phone %}；联系电话：{{ organisation.office_phone }}{% endif %}。
"""

EXTENSION = """{{ applicant.name }}：
　　本机关于{{ application.received_on }}收到您提出的政府信息公开申请（查询码：{{ application.tracking_code }}），申请获取：“{{ application.description }}”。
　　{% if extension.reason %}因{{ extension.reason }}，{% endif %}本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{ extension.days }}个工作日{% if extension.due_on %}，延长后的答复期限为{{ extension.due_on }}{% endif %}。
　　特此告知。
　　联系地址：{{ organisation.office_address }}{% if organisation.office_phone %}；联系电话：{{ organisation.office_phone }}{% endif %}。
"""

FEE = """{{ applicant.name }}：
　　本机关于{{ application.received_on }}收到您提出的政府信息公开申请（查询码：{{ application.tracking_code }}），申请获取：“{{ application.description }}”。
　　您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关依法收取信息处理费，计收方式为{{ fee.method }}，计费数量为{{ fee.quantity }}{{ fee.unit }}{% if fee.per_piece and fee.pieces_before %}（您本月此前已提出{{ fee.pieces_before }}件申请，按累计件数计算）{% endif %}。分档明细：
{% for band in fee.bands %}　　第{{ band.first }}至{{ band.last }}{{ fee.unit }}：{{ band.count }}{{ fee.unit }}×{{ band.rate }}元＝{{ band.subtotal }}元
{% endfor %}　　合计应缴信息处理费{{ fee.amount }}元。
　　请您于{{ fee.payment_due_on }}前缴纳。{% if fee.how_to_pay %}缴费方式：{{ fee.how_to_pay }}{% else %}缴费方式：持本通知书到本机关政府信息公开工作机构（{{ organisation.office_address }}）缴纳，或者按照本机关告知的非税收入缴款方式缴纳；本机关收款后出具财政票据。{% endif %}答复期限自本通知书发出之日起暂停计算，自收到费用之日起恢复计算；您逾期未缴纳的，本机关不再处理该政府信息公开申请。
　　联系地址：{{ organisation.office_address }}{% if organisation.office_phone %}；联系电话：{{ organisation.office_phone }}{% endif %}。
"""

CONSULTATION = """{{ consultation.party }}：
　　本机关收到一份政府信息公开申请，申请获取：“{{ application.description }}”。{% if consultation.matter %}{{ consultation.matter }}{% endif %}
{% if consultation.co_producer %}
　　该政府信息由本机关与贵单位共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵单位意见。请贵单位自收到本函之日起{{ limits.consultation_wd }}个工作日内{% if consultation.answer_due_on %}（即{{ consultation.answer_due_on }}前）{% endif %}书面提出意见；逾期未提出意见的，视为同意公开。
{% else %}
　　本机关认为，公开该政府信息可能损害贵方的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请贵方自收到本函之日起{{ limits.consultation_wd }}个工作日内{% if consultation.answer_due_on %}（即{{ consultation.answer_due_on }}前）{% endif %}书面提出是否同意公开的意见及理由；逾期未提出意见的，由本机关依照条例的规定决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知贵方。
{% endif %}
　　联系地址：{{ organisation.office_address }}{% if organisation.office_phone %}；联系电话：{{ organisation.office_phone }}{% endif %}。
"""

TITLES: dict[LetterKind, str] = {
    LetterKind.RECEIPT: "政府信息公开申请受理回执",
    LetterKind.CORRECTION: "政府信息公开申请补正告知书",
    LetterKind.EXTENSION: "政府信息公开申请延期答复告知书",
    LetterKind.FEE: "政府信息公开信息处理费收费通知书",
    LetterKind.CONSULTATION: "政府信息公开征求意见函",
    LetterKind.REPLY: REPLY_TITLE,
}

BODIES: dict[LetterKind, str] = {
    LetterKind.RECEIPT: RECEIPT,
    LetterKind.CORRECTION: CORRECTION,
    LetterKind.EXTENSION: EXTENSION,
    LetterKind.FEE: FEE,
    LetterKind.CONSULTATION: CONSULTATION,
}


def letter_default(kind: LetterKind, outcome: str = "") -> tuple[str, str]:
    """(title, body) of the built-in text for `kind` (and a reply's outcome)."""
    if kind == LetterKind.REPLY:
        return TITLES[kind], reply_default(Outcome(outcome or Outcome.OTHER))
    return TITLES[kind], BODIES[kind]


def letter_defaults() -> list[tuple[LetterKind, str, str, str]]:
    """Every template to seed: (kind, outcome, title, body)."""
    rows = [(kind, "", *letter_default(kind)) for kind in BODIES]
    rows += [
        (LetterKind.REPLY, o.value, *letter_default(LetterKind.REPLY, o))
        for o in Outcome
    ]
    return rows
