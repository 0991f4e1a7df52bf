"""A brief for people: rich tables in the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from api.schemas import Brief, Evidence


def _quote(evidence: list[Evidence]) -> str:
    """The first span, where it is, and how many more there are."""
    if not evidence:
        return ""
    first = evidence[0]
    more = f" +{len(evidence) - 1}" if len(evidence) > 1 else ""
    return f"“{first.text}” {first.article}:{first.start}{more}"


def _mark(verified: bool) -> str:
    return "✓" if verified else "?"


def _table(title: str, *columns: str) -> Table:
    """A full-width table whose long cells fold instead of being cut."""
    table = Table(title=title, title_justify="left", expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def brief_renderable(brief: Brief) -> Group:
    """Headline, summary, then one table per list of the brief, then how it was made."""
    parts: list[Panel | Table | Text] = [
        Panel(Text(brief.summary), title=Text(brief.headline, style="bold"), title_align="left")
    ]
    who = _table("Who", "name", "type", "role", "aliases", "evidence", "✓")
    for actor in brief.who:
        who.add_row(
            actor.name,
            actor.type.value,
            actor.role or "",
            ", ".join(actor.aliases),
            _quote(actor.evidence),
            _mark(actor.verified),
        )
    what = _table("What happened", "event", "when", "where", "articles", "✓")
    for event in brief.what:
        what.add_row(
            event.description,
            event.when or "",
            event.where or "",
            ", ".join(event.articles),
            _mark(event.verified),
        )
    stance = _table("Stance", "actor", "polarity", "on", "position", "quote", "✓")
    for item in brief.stance:
        stance.add_row(
            item.actor,
            item.polarity.value,
            item.target,
            item.position,
            item.quote or "",
            _mark(item.verified),
        )
    numbers = _table("Numbers", "value", "qualifier", "unit", "describes", "evidence", "✓")
    for number in brief.numbers:
        numbers.add_row(
            f"{number.value:g}",
            number.qualifier.value,
            number.unit or "",
            number.describes,
            _quote(number.evidence),
            _mark(number.verified),
        )
    parts += [who, what, stance, numbers]
    if brief.disagreements:
        disagreements = _table("Disagreements", "about", "claims")
        for disagreement in brief.disagreements:
            claims = "\n".join(f"{claim.article}: “{claim.text}”" for claim in disagreement.claims)
            disagreements.add_row(disagreement.about, claims)
        parts.append(disagreements)
    parts.append(Text(provenance_line(brief), style="dim"))
    return Group(*parts)


def provenance_line(brief: Brief) -> str:
    """One line that says which engine ran and how."""
    p = brief.provenance
    bits = [f"engine: {p.engine}"]
    if p.model:
        bits.append(f"model: {p.model}")
    if p.prompt:
        bits.append(f"prompt: {p.prompt.name}@{p.prompt.version} ({p.prompt.sha256[:12]})")
    if p.usage.total_tokens:
        bits.append(f"tokens: {p.usage.prompt_tokens}+{p.usage.completion_tokens}")
    if p.cost_usd is not None:
        bits.append(f"cost: ${p.cost_usd:.6f}")
    bits.append(f"cache: {p.cache}")
    bits.append(f"latency: {p.latency_ms:.1f} ms")
    g = p.grounding
    bits.append(f"grounding: {g.verified}/{g.checked} verified, {g.dropped} dropped")
    if p.degraded:
        bits.append(f"DEGRADED: {p.degraded_reason}")
    return " | ".join(bits)


def print_brief(brief: Brief, console: Console | None = None) -> None:
    (console or Console()).print(brief_renderable(brief))
