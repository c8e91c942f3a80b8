"""Charts drawn on the server as inline SVG: no script needed, every label escaped by format_html."""

import datetime
import math
from collections.abc import Callable

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from meetings.graph_layout import force_directed
from meetings.kinds import ENGAGEMENT_KINDS

KIND_ORDER = ENGAGEMENT_KINDS


def _n(value: float) -> str:
    return f"{value:.1f}"


def _months(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current + datetime.timedelta(days=32)).replace(day=1)
    return months


def month_histogram(
    counts: dict[datetime.date | None, int],
    *,
    href: Callable[[datetime.date], str] | None = None,
    width: int = 960,
    height: int = 90,
) -> SafeString:
    """Engagements per month as bars; each bar links to that month when href is given."""
    dated = {month: n for month, n in counts.items() if month is not None}
    if not dated:
        return mark_safe("")
    months = _months(min(dated), max(dated))
    top = max(dated.values())
    step = width / len(months)
    bars, ticks = [], []
    # Plain f-strings (numbers and month names only, the link escaped): format_html per bar costs ~25 ms.
    for index, month in enumerate(months):
        n = dated.get(month, 0)
        x = index * step
        if month.month == 1 or index == 0:
            ticks.append((x, month.year))
        if not n:
            continue
        bar_height = max(1.0, (height - 16) * n / top)
        rect = (
            f'<rect x="{x:.1f}" y="{height - 16 - bar_height:.1f}" width="{max(step - 1, 0.6):.1f}" '
            f'height="{bar_height:.1f}"><title>{month:%B %Y}: {n} engagement{"s" if n != 1 else ""}</title></rect>'
        )
        bars.append(f'<a href="{escape(href(month))}">{rect}</a>' if href else rect)
    tick_marks = format_html_join(
        "", '<text x="{}" y="{}">{}</text>', ((_n(x), height - 3, year) for x, year in _thin(ticks, width))
    )
    total = sum(dated.values())
    return format_html(
        '<svg class="chart histogram" viewBox="0 0 {} {}" preserveAspectRatio="none" role="img" '
        'aria-label="{} dated engagements per month, {} to {}">{}<g class="ticks">{}</g></svg>',
        width,
        height,
        total,
        months[0].strftime("%B %Y"),
        months[-1].strftime("%B %Y"),
        mark_safe("".join(bars)),
        tick_marks,
    )


def _thin(ticks: list[tuple[float, int]], width: int, gap: int = 44) -> list[tuple[float, int]]:
    """Year labels far enough apart to read."""
    kept, last_x = [], -gap
    for x, year in ticks:
        if x - last_x >= gap and x <= width - 30:
            kept.append((x, year))
            last_x = x
    return kept


def sparkline(years: dict[int, int], *, span: list[int], width: int = 90, height: int = 22) -> SafeString:
    """A trend line of engagements per year over the span."""
    if not span:
        return mark_safe("")
    top = max(years.values(), default=0) or 1
    step = width / max(len(span) - 1, 1)
    points = " ".join(
        f"{index * step:.1f},{height - 2 - (height - 4) * years.get(year, 0) / top:.1f}"
        for index, year in enumerate(span)
    )
    return format_html(
        '<svg class="sparkline" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">'
        '<polyline points="{}"/></svg>',
        width,
        height,
        width,
        height,
        f"Per year {span[0]}–{span[-1]}: " + ", ".join(str(years.get(year, 0)) for year in span),
        points,
    )


def stacked_years(kind_years: dict[str, dict[int, int]], *, span: list[int], height: int = 160) -> SafeString:
    """Engagements per year, one bar per year stacked by type, with the year under each bar."""
    if not span:
        return mark_safe("")
    totals = {year: sum(kind_years.get(kind, {}).get(year, 0) for kind in KIND_ORDER) for year in span}
    top = max(totals.values()) or 1
    bar_width, gap, chart_height = 28, 8, height - 20
    parts = []
    for index, year in enumerate(span):
        x, base = index * (bar_width + gap), chart_height
        for kind in KIND_ORDER:
            n = kind_years.get(kind, {}).get(year, 0)
            if not n:
                continue
            h = chart_height * n / top
            base -= h
            parts.append(
                format_html(
                    '<rect class="kind-{}" x="{}" y="{}" width="{}" height="{}"><title>{} {}: {} {}</title></rect>',
                    kind,
                    x,
                    _n(base),
                    bar_width,
                    _n(h),
                    year,
                    kind,
                    n,
                    "engagement" if n == 1 else "engagements",
                )
            )
        parts.append(format_html('<text x="{}" y="{}">{}</text>', x + bar_width / 2, height - 4, f"’{year % 100:02d}"))
    width = len(span) * (bar_width + gap)
    return format_html(
        '<svg class="chart stacked" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
        width,
        height,
        "Engagements per year by type: " + ", ".join(f"{year}: {totals[year]}" for year in span),
        mark_safe("".join(parts)),
    )


def network(countries: dict, edges: list[tuple[str, str, int]], *, href: Callable[[str, str], str]) -> SafeString:
    """States placed by a force-directed layout (pairs that meet often close, clusters apart), named, and joined
    by lines as thick as their number of engagements."""
    if not edges:
        return mark_safe("")
    degree: dict[str, int] = {}
    for a, b, n in edges:
        degree[a] = degree.get(a, 0) + n
        degree[b] = degree.get(b, 0) + n
    order = sorted(degree, key=lambda code: (-degree[code], code))
    size, side, top = 640, 70, 20  # room beside and below each state for its name
    position = {
        code: (side + x * (size - 2 * side), top + y * (size - 2 * top))
        for code, (x, y) in force_directed(order, edges).items()
    }
    heaviest = max(n for _, _, n in edges)
    lines = []
    for a, b, n in reversed(edges):  # heaviest drawn last, on top
        (x1, y1), (x2, y2) = position[a], position[b]
        lines.append(
            format_html(
                '<a href="{}"><line x1="{}" y1="{}" x2="{}" y2="{}" stroke-width="{}">'
                "<title>{} – {}: {} engagements</title></line></a>",
                href(a, b),
                _n(x1),
                _n(y1),
                _n(x2),
                _n(y2),
                _n(0.8 + 7 * n / heaviest),
                countries[a].short_name if a in countries else a,
                countries[b].short_name if b in countries else b,
                n,
            )
        )
    nodes = []
    for code in order:
        x, y = position[code]
        radius = 3 + 6 * math.sqrt(degree[code] / degree[order[0]])
        name = countries[code].short_name if code in countries else code
        nodes.append(
            format_html(
                '<circle cx="{}" cy="{}" r="{}"><title>{}: {}</title></circle><text x="{}" y="{}">{}</text>',
                _n(x),
                _n(y),
                _n(radius),
                name,
                degree[code],
                _n(x),
                _n(y + radius + 11),
                name,
            )
        )
    return format_html(
        '<svg class="chart network" viewBox="0 0 {} {}" role="img" aria-label="{}">'
        '<g class="edges">{}</g><g class="nodes">{}</g></svg>',
        size,
        size + top,
        f"Network of {len(order)} states and their {len(edges)} busiest pairs",
        mark_safe("".join(lines)),
        mark_safe("".join(nodes)),
    )
