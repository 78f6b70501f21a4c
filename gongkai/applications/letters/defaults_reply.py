"""Default reply letters (政府信息公开申请答复书), one per outcome.

Each is a Django template over `context.letter_context`: the salutation and
the request, a paragraph for the outcome (条例第三十六至三十九条), the
officer's reasons, and the remedies (行政复议法第二十条、第二十三条、第二十四条;
行政诉讼法第四十五条、第四十六条). Administrators edit the stored copies
(LetterTemplate rows); these texts only seed them.
"""

from __future__ import annotations

from ..choices import Outcome

REPLY_TITLE = "政府信息公开申请答复书"

HEAD = """{{ applicant.name }}{% if applicant.id_masked %}（{{ applicant.id_type }}：{{ applicant.id_masked }}）{% endif %}：
　　本机关于{{ application.received_on|default:application.lodged_on }}收到您通过{{ application.channel }}提出的政府信息公开申请（查询码：{{ application.tracking_code }}），申请获取：“{{ application.description }}”{% if application.doc_title %}（文件名称：{{ application.doc_title }}{% if application.doc_number %}，发文字号：{{ application.doc_number }}{% endif %}）{% endif %}。
　　经审查，现答复如下：
"""

REASONS = """{% if decision.reasons %}
　　{{ decision.reasons }}
{% endif %}{% if decision.basis %}
　　本答复的依据：{{ decision.basis }}。
{% endif %}
"""

REMEDIES = """{% if remedies.reconsideration_first and not remedies.partial %}
　　如对本答复不服，可以自收到本答复书之日起60日内向{{ remedies.body }}申请行政复议。根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，申请政府信息公开、行政机关不予公开的，应当先向行政复议机关申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向{{ remedies.court }}提起行政诉讼。《中华人民共和国行政诉讼法》第四十六条关于自知道作出行政行为之日起六个月内直接起诉的规定，不适用于本不予公开决定。
{% else %}
　　如对本答复不服，可以自收到本答复书之日起60日内向{{ remedies.body }}申请行政复议，也可以自收到本答复书之日起六个月内依法向{{ remedies.court }}提起行政诉讼。{% if remedies.partial %}其中，对不予公开部分不服的，根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，应当先向{{ remedies.body }}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向{{ remedies.court }}提起行政诉讼。{% endif %}
{% endif %}
　　联系地址：{{ organisation.office_address }}{% if organisation.office_phone %}；联系电话：{{ organisation.office_phone }}{% endif %}。
"""

_WITHHELD = """　　经审查，您申请获取的政府信息{phrase}。根据{{{{ decision.article }}}}的规定，本机关决定不予公开。
"""

# The outcome paragraph of each reply (after HEAD, before REASONS).
OUTCOME_TEXT: dict[Outcome, str] = {
    Outcome.DISCLOSED: """　　您申请获取的政府信息属于公开范围。根据{{ decision.article }}的规定，本机关予以公开{% if decision.released_files %}，现将相关信息（{{ decision.released_files|join:"、" }}）以{{ application.form }}形式、通过{{ application.delivery }}方式提供给您{% endif %}。
""",
    Outcome.PARTLY_DISCLOSED: """　　您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据{{ decision.article }}的规定，本机关向您提供可以公开的部分{% if decision.released_files %}（{{ decision.released_files|join:"、" }}）{% endif %}。
　　不予公开的部分及理由：{{ decision.withheld_description }}
""",
    Outcome.WITHHELD_STATE_SECRET: _WITHHELD.format(phrase="属于国家秘密"),
    Outcome.WITHHELD_PROHIBITED_BY_LAW: _WITHHELD.format(
        phrase="属于法律、行政法规禁止公开的政府信息"
    ),
    Outcome.WITHHELD_SECURITY_STABILITY: _WITHHELD.format(
        phrase="公开后可能危及国家安全、公共安全、经济安全、社会稳定"
    ),
    Outcome.WITHHELD_THIRD_PARTY: _WITHHELD.format(
        phrase="涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害"
    ),
    Outcome.WITHHELD_INTERNAL_AFFAIRS: _WITHHELD.format(
        phrase="属于人事管理、后勤管理、内部工作流程等方面的内部事务信息"
    ),
    Outcome.WITHHELD_PROCESS_INFO: _WITHHELD.format(
        phrase="属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息"
    ),
    Outcome.WITHHELD_ENFORCEMENT_FILE: _WITHHELD.format(phrase="属于行政执法案卷信息"),
    Outcome.WITHHELD_QUERY_MATTER: """　　您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据{{ decision.article }}的规定，请您依照有关法律、行政法规的规定办理。
""",
    Outcome.UNAVAILABLE_NOT_HELD: """　　经检索查找，本机关未制作、获取您申请的政府信息，该政府信息不存在或者不属于本机关负责公开。根据{{ decision.article }}的规定，本机关无法提供。{% if decision.referred_to_name %}经了解，该政府信息由{{ decision.referred_to_name }}负责公开{% if decision.referred_to_contact %}（{{ decision.referred_to_contact }}）{% endif %}，您可以向其提出申请。{% endif %}
""",
    Outcome.UNAVAILABLE_NEEDS_CREATION: """　　您申请获取的信息需要本机关对现有政府信息进行加工、分析或者另行制作，本机关现有的政府信息中没有可以提供的现成信息。根据{{ decision.article }}的规定，本机关无法提供。
""",
    Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION: """　　本机关已{% if correction.issued_on %}于{{ correction.issued_on }}{% endif %}告知您对申请内容作出补正，补正后申请内容仍不明确，本机关无法确定您所需的政府信息。根据{{ decision.article }}的规定，本机关无法提供。
""",
    Outcome.NOT_PROCESSED_PETITION: """　　您提出的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{{ decision.article }}的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等渠道依法反映。
""",
    Outcome.NOT_PROCESSED_DUPLICATE: """　　您的申请属于重复申请，本机关已就相同内容作出答复。根据{{ decision.article }}的规定，本机关不予重复处理。
""",
    Outcome.NOT_PROCESSED_PUBLICATION: """　　您申请获取的是政府公报、报刊、书籍等公开出版物。根据{{ decision.article }}的规定，请您通过公开发行渠道等途径获取。
""",
    Outcome.NOT_PROCESSED_EXCESSIVE: """　　您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，所说明的理由不合理。根据{{ decision.article }}的规定，本机关不予处理。
""",
    Outcome.NOT_PROCESSED_CONFIRMATION: """　　您的申请属于要求本机关确认或者重新出具您已获取的信息，不属于《中华人民共和国政府信息公开条例》所规定的政府信息公开申请，本机关不予处理。
""",
    Outcome.OTHER_CORRECTION_OVERDUE: """　　本机关已{% if correction.issued_on %}于{{ correction.issued_on }}{% endif %}向您发出补正告知书{% if correction.deadline %}，补正期限为{{ correction.deadline }}{% endif %}。您无正当理由逾期未补正，视为放弃申请。根据{{ decision.article }}的规定，本机关不再处理您的该项政府信息公开申请。
""",
    Outcome.OTHER_FEE_UNPAID: """　　本机关已{% if fee.issued_on %}于{{ fee.issued_on }}{% endif %}向您发出收费通知{% if fee.payment_due_on %}，缴费期限为{{ fee.payment_due_on }}{% endif %}。您逾期未按收费通知要求缴纳信息处理费。根据{{ decision.article }}的规定，本机关不再处理您的该项政府信息公开申请。
""",
    Outcome.OTHER: """　　{% if decision.article %}根据{{ decision.article }}的规定，{% endif %}本机关对您的申请作出如下处理：{{ decision.label }}。
""",
}


def reply_default(outcome: Outcome) -> str:
    return HEAD + OUTCOME_TEXT[outcome] + REASONS + REMEDIES
