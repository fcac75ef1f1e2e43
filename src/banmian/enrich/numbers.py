"""Numbers as Chinese newspapers print them: ``1300``, ``1,300``, ``3.5``, ``一千三百``, ``二〇二四``, ``1.5万``.

Shared by the date and quantity extractors, so both read numerals the same way.
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
# Units inside one section of a number (below 万).
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
# Section multipliers; 万亿 is read as 万 × 亿.
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def chinese_to_int(text: str) -> int | None:
    """``一千三百`` → 1300, ``十四`` → 14, ``二〇二四`` → 2024 (digit by digit), ``三万五千`` → 35000."""
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        return None
    if all(c in DIGITS for c in text):
        # Digit-by-digit form (years, codes): 二〇二四 → 2024.
        value = 0
        for c in text:
            value = value * 10 + DIGITS[c]
        return value
    total = 0      # finished sections (× 万, × 亿)
    section = 0    # the current section below 万
    digit = 0      # the digit waiting for its unit
    seen_digit = False
    for c in text:
        if c in DIGITS:
            digit, seen_digit = DIGITS[c], True
        elif c in SMALL_UNITS:
            # 十四 → 14: a unit with no digit before it counts once.
            section += (digit if seen_digit else 1) * SMALL_UNITS[c]
            digit, seen_digit = 0, False
        elif c == "万":
            total += (section + digit) * 10_000
            section, digit, seen_digit = 0, 0, False
        else:  # 亿 multiplies everything before it: 一万亿 → 10¹², 三亿五千万 → 3.5 × 10⁸
            total = (total + section + digit) * 100_000_000
            section, digit, seen_digit = 0, 0, False
    return total + section + digit


def parse_number(text: str) -> float | int | None:
    """A number written in Arabic digits, Chinese numerals or a mix (``1.5万``, ``3千``); None if not one."""
    text = text.translate(FULLWIDTH).replace(",", "")
    if not text:
        return None
    # Split a trailing run of multipliers (万, 亿, 千, 百) off an Arabic-digit head: 1.5万 → 1.5 × 10000.
    i = 0
    while i < len(text) and (text[i].isdigit() or text[i] == "."):
        i += 1
    if i == 0:
        return chinese_to_int(text)
    head, tail = text[:i], text[i:]
    try:
        value: float = float(head)
    except ValueError:
        return None
    for c in tail:
        if c in BIG_UNITS:
            value *= BIG_UNITS[c]
        elif c in SMALL_UNITS:
            value *= SMALL_UNITS[c]
        else:
            return None
    return as_number(value)


def as_number(value: float) -> int | float:
    """Whole numbers as int (2000000000, not 2e9); others rounded to drop float noise (2.51亿 is 251000000,
    not 250999999.99999997)."""
    value = float(f"{value:.12g}")
    if value == round(value):
        return int(round(value))
    return value
