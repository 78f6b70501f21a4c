"""Sentences and headings for generated bodies, taken from the seed texts.

Generated documents read like the real ones because their sentences are the
real ones: every simplified-character seed sentence that names no real
place, person, year or number is usable in any organisation's document.
Without the seed folder a short built-in list keeps the demo loadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .seeds import SeedDocument

# Sentences naming these are specific to their source and stay there.
_SPECIFIC = re.compile(
    r"鹤壁|大庆|阿勒泰|鞍山|南浔|河南|黑龙江|辽宁|新疆|自治区|喀纳斯|行署|地区|地委|"
    r"XX|\*|张杰辉|黄建华|豫|黑政|疫情|新冠|冠肺炎|十六届|三个代表|党史|100周年|"
    r"我区|全区|区委|区政府|新区|开发区|小编|同志们|下面我|今天|那么|根底|效劳|〞|我们|根本情况|教育体育局|政务服务大数据局|营商局"
)
_MARKER = re.compile(
    r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、]|[一二三四五六七八九十]是)"
)
_RESPONSIBLE = re.compile(r"[(（\[【](?:牵头|责任)单位[^)）\]】]*[)）\]】]")

FALLBACK_SENTENCES = (
    "坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开",
    "及时公开政策措施的背景依据、目标任务、主要内容和执行标准",
    "加强政府信息公开工作机构建设，配齐配强工作人员，保障工作经费",
    "严格落实公开属性源头认定机制，拟制公文时同步明确公开属性",
    "进一步做好依申请公开工作，依法保障公众的知情权、参与权、表达权和监督权",
    "加强政策解读，做到政策文件与解读材料同步起草、同步审签、同步部署",
    "及时回应社会关切，加强舆情监测、研判和回应，更好引导社会预期",
    "推进政府网站集约化建设，强化信息发布审核，规范内容管理",
    "将政务公开工作纳入绩效考核体系，强化督查问责，确保各项任务落到实处",
    "围绕群众关心关注的热点难点问题，加大信息公开力度",
    "认真梳理本机关主动公开基本目录，做到应公开尽公开",
    "建立健全工作台账，明确责任分工和完成时限，定期调度工作进展",
)

FALLBACK_HEADINGS = (
    "总体要求",
    "主要任务",
    "工作措施",
    "保障措施",
    "深化重点领域信息公开",
    "加强政策解读和回应关切",
    "提升公开平台建设水平",
    "抓好工作落实",
)


@dataclass(frozen=True)
class Vocabulary:
    sentences: tuple[str, ...]
    headings: tuple[str, ...]


def vocabulary_from(seeds: list[SeedDocument]) -> Vocabulary:
    sentences: list[str] = []
    headings: list[str] = []
    for seed in seeds:
        if seed.traditional:
            continue  # generated documents are in simplified characters
        for paragraph in seed.paragraphs:
            heading = re.match(
                r"^[一二三四五六七八九十]+、([^。，,；;:：]{4,24})$", paragraph
            )
            if heading and not _SPECIFIC.search(heading[1]):
                headings.append(heading[1])
                continue
            for sentence in _RESPONSIBLE.sub("", paragraph).split("。"):
                sentence = _MARKER.sub("", sentence.strip())
                if (
                    20 <= len(sentence) <= 110
                    and not re.search(r"\d", sentence)
                    and not _SPECIFIC.search(sentence)
                    and not _MARKER.match(sentence)
                    and "《" not in sentence
                    and ":" not in sentence
                    and "：" not in sentence
                ):
                    sentences.append(sentence)
    unique_sentences = tuple(dict.fromkeys(sentences))
    unique_headings = tuple(dict.fromkeys(headings))
    return Vocabulary(
        sentences=unique_sentences
        if len(unique_sentences) >= 20
        else FALLBACK_SENTENCES,
        headings=unique_headings if len(unique_headings) >= 6 else FALLBACK_HEADINGS,
    )
