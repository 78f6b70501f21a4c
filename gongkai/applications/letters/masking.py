"""Identity numbers in letters are never shown in full (个人信息保护法第五十一条:
minimum necessary); the letter identifies the applicant by name."""

from __future__ import annotations


def id_mask(number: str) -> str:
    """110105********002X: keep the first 3 and last 4 of an 18-digit ID.

    Shorter numbers (passports, permits) keep the first and the last two
    characters; anything of 4 characters or fewer is masked entirely.
    """
    number = number.strip()
    if not number:
        return ""
    if len(number) >= 15:
        keep_head, keep_tail = 3, 4
    elif len(number) > 4:
        keep_head, keep_tail = 1, 2
    else:
        return "*" * len(number)
    hidden = len(number) - keep_head - keep_tail
    return number[:keep_head] + "*" * hidden + number[-keep_tail:]
