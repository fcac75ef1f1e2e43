"""Page → Markdown, for reading a parse in a terminal or a diff."""

from __future__ import annotations

from .model import Article, Page


def page_to_markdown(page: Page) -> str:
    head = " · ".join(str(x) for x in (page.paper, page.date, f"第{page.page}版" if page.page else None) if x)
    out = [f"# {head or 'page'}", ""]
    for article in page.articles:
        out += article_to_markdown(article)
    if page.leftover:
        out += ["## (leftover)", ""] + [f"    {line}" for line in page.leftover] + [""]
    return "\n".join(out).rstrip() + "\n"


def article_to_markdown(a: Article) -> list[str]:
    out: list[str] = []
    if a.kicker:
        out.append(f"*{a.kicker}*")
    out.append(f"## {a.headline or '(no headline)'}")
    out += [f"### {s}" for s in a.subheadlines]
    out.append("")
    for b in a.bylines:
        out.append(f"> {b.outlet or ''}{b.role or ''} {'、'.join(b.names)}".strip())
    if a.bylines:
        out.append("")
    for p in a.paragraphs:
        out += [p, ""]
    for t in a.tables:
        if t.title:
            out += [f"**{t.title}**", ""]
        width = max((len(r) for r in t.rows), default=0)
        if width:
            out.append("| " + " | ".join(t.rows[0] + [""] * (width - len(t.rows[0]))) + " |")
            out.append("|" + "---|" * width)
            for r in t.rows[1:]:
                out.append("| " + " | ".join(r + [""] * (width - len(r))) + " |")
            out.append("")
    for c in a.captions:
        out.append(f"- 图：{c}")
    for c in a.credits:
        out.append(f"- {c.text}")
    if a.source:
        out.append(f"- 来源：{a.source}")
    for j in a.jumps:
        out.append(f"- {j}")
    out.append("")
    return out
