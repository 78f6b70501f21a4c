"""The search benchmark's corpus (a helper of bench/search.py): N published
documents from a vocabulary built from the seed texts, and the queries."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from harness import organisation_create


def vocabulary(seed_dir: Path) -> tuple[list[str], list[int], list[str]]:
    from gongkai.search import text
    from gongkai.site.demo.seeds import parse_seed_folder

    counts: Counter[str] = Counter()
    sentences: list[str] = []
    for doc in parse_seed_folder(seed_dir):
        for paragraph in doc.paragraphs:
            counts.update(w for w in text.words(text.normalise(paragraph)))
            sentences.extend(s for s in paragraph.split("。") if 8 <= len(s) <= 40)
    words = [w for w, _ in counts.most_common()]
    return words, [counts[w] for w in words], sentences


def _bench_organisations(count: int = 5) -> list[Any]:
    return [
        organisation_create(
            f"基准测试机关{i}", f"基准{i}", f"11000000BENCH{i:04d}X"[:18]
        )
        for i in range(count)
    ]


class TextMaker:
    """Titles and ~900-character bodies drawn from the seed vocabulary."""

    def __init__(self, seed_dir: Path, rng: random.Random) -> None:
        self.words, weights, self.sentences = vocabulary(seed_dir)
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def title(self) -> str:
        common = self.words[:3000]
        picked = self.rng.choices(common, cum_weights=self.cumulative[:3000], k=6)
        return "关于" + "".join(picked) + "的通知"

    def body(self) -> str:
        parts: list[str] = []
        while sum(map(len, parts)) < 900:
            if self.rng.random() < 0.3:
                parts.append(self.rng.choice(self.sentences))
            else:
                words = self.rng.choices(self.words, cum_weights=self.cumulative, k=12)
                parts.append("".join(words))
        return "。".join(parts) + "。"


def _document(i: int, org: Any, title: str, body: str, doc_number: str) -> Any:
    from gongkai.documents.models import Disclosure, Document, DocumentStatus, Validity

    published = date(2015, 1, 1) + timedelta(days=i % 3650)
    return Document(
        organisation=org,
        status=DocumentStatus.PUBLISHED,
        title=title[:300],
        index_number=f"BENCH/{i:07d}",
        index_year=published.year,
        index_serial=i + 1,
        doc_number=doc_number,
        written_on=published,
        published_on=published,
        disclosure=Disclosure.PROACTIVE,
        validity=Validity.REPEALED if i % 17 == 0 else Validity.IN_FORCE,
        body=f"<p>{body}</p>",
    )


def generate(n: int, seed_dir: Path, rng: random.Random) -> tuple[list[str], list[str]]:
    """Create n published documents (1 in 20 traditional); return the 发文字号
    and the vocabulary, most frequent first."""
    import opencc
    from django.db import transaction

    from gongkai.documents.models import Document

    maker = TextMaker(seed_dir, rng)
    to_traditional = opencc.OpenCC("s2t")
    orgs = _bench_organisations()
    numbers = []
    batch: list[Document] = []
    for i in range(n):
        title, body = maker.title(), maker.body()
        if i % 20 == 0:
            title, body = to_traditional.convert(title), to_traditional.convert(body)
        doc_number = f"鹤政办〔{2015 + i % 10}〕{i // 10 + 1}号" if i % 10 == 0 else ""
        if doc_number:
            numbers.append(doc_number)
        batch.append(_document(i, orgs[i % 5], title, body, doc_number))
        if len(batch) == 2000 or i == n - 1:
            with transaction.atomic():
                Document.objects.bulk_create(batch)
            batch = []
    return numbers, maker.words


def queries(words: list[str], numbers: list[str]) -> list[str]:
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    singles = [w for w in words if len(w) == 1 and "\u4e00" <= w <= "\u9fff"]
    twos = [w for w in words if len(w) == 2]
    fours = [w for w in words if len(w) == 4]
    fixed = ["政务公开", "依申请公开", "行政许可", "听证", "医保", "放管服"]
    phrases = ["推进政务公开", "政府信息公开工作", "进一步做好", "依法行政", "公共服务"]
    out = fixed + singles[:8] + twos[:20:2] + twos[20:200:18] + fours[:16:2] + phrases
    for number in numbers[:3]:
        year_serial = number[3:]
        out += [number, "鹤政办[" + year_serial[1:].replace("〕", "]")]
        out += ["鹤政办(" + year_serial[1:].replace("〕", ")")]
    out += [
        to_traditional.convert(q)
        for q in ("政务公开", "医保", "听证", "工作", "信息公开")
    ]
    return list(dict.fromkeys(out))
