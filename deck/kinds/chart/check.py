"""A chart's values checked against its type: one value per category, positive on a log scale,
one series of shares on a pie or doughnut, numbers as a scatter's categories, a usable axis
range and label kind; the Chart built from them."""

from __future__ import annotations

from deck.fields import INVALID, plural
from deck.fields.scalars import number_in
from deck.kinds.chart.alt import ROUND
from deck.kinds.chart.spec import MAX_SERIES, Chart
from deck.problems import cut
from deck.source.located import Map, Seq


def build(value, node, ctx, folder):
    """Return the Chart of a `chart:` value read by its spec, or INVALID after a located error
    for each value its type cannot show."""
    kind, cats, series = value["type"], value["categories"], value["series"]
    log = value.get("log_scale", False)
    ok = True
    round_ = kind in ROUND
    for name, (where, values) in series.items():
        if values is INVALID:
            ok = False
            continue
        if len(values) != len(cats):
            ctx.error(
                where,
                "K221",
                f"series `{cut(name, 30)}` has {plural(len(values), 'value')} but there "
                f"{'is' if len(cats) == 1 else 'are'} {len(cats)} categor{'y' if len(cats) == 1 else 'ies'}; "
                "give one value per category",
            )
            ok = False
        if log and any(v <= 0 for v in values):
            ctx.error(
                where,
                "K222",
                f"series `{cut(name, 30)}` has a value ≤ 0, which a log scale cannot show; "
                "remove `log_scale` or use positive values",
            )
            ok = False
        if round_ and any(v < 0 for v in values):
            ctx.error(where, "K223", f"a {kind} chart cannot show negative values")
            ok = False
        elif round_ and not any(values):
            ctx.error(
                where,
                "K130",
                f"every value of series `{cut(name, 30)}` is 0, so the {kind} has no slices to draw; "
                "give the shares, or show the zeros as a `table`",
            )
            ok = False
    where = node.where
    if round_ and len(series) != 1:
        ctx.error(
            where, "K224", f"a {kind} chart has exactly one series, got {len(series)}; use `column` to compare series"
        )
        ok = False
    if round_ and len(cats) > MAX_SERIES:
        ctx.error(
            where,
            "K225",
            f"a {kind} chart shows at most {MAX_SERIES} slices (one colour each), got {len(cats)}; "
            "group the small ones as one category (e.g. `Other`), or use `bar`",
        )
        ok = False
    if round_ and log:
        ctx.error(where, "K226", f"a {kind} chart cannot have a log scale; remove `log_scale` or use `bar`/`column`")
        ok = False
    x = _x_values(kind, cats, node, ctx)
    ok = ok and x is not INVALID
    ok = _range_ok(value, kind, log, node, ctx) and ok
    if value.get("labels") == "percent" and not round_:
        ctx.error(
            _key_where(node, "labels"),
            "K229",
            f"percent labels show each slice's share of a pie or doughnut; a {kind} chart has no whole to "
            "share: use `labels: value`, or a `number_format` with %",
        )
        ok = False
    if not ok:
        return INVALID
    return Chart(
        kind,
        tuple(c for c in cats),
        tuple((n, v) for n, (_, v) in series.items()),
        log,
        value.get("unit"),
        value.get("caption"),
        value.get("alt"),
        value.get("number_format"),
        value.get("labels"),
        value.get("min"),
        value.get("max"),
        x,
    )


def _key_where(node, key: str):
    found = node.key_node(key) if isinstance(node, Map) else None
    return found.where if found is not None else node.where


def _x_values(kind: str, cats: tuple[str, ...], node, ctx):
    """Return a scatter chart's categories read as numbers (its x values), else (); INVALID
    after a located error for each category that is not a number."""
    if kind != "scatter":
        return ()
    items = node.get("categories").items if isinstance(node, Map) and isinstance(node.get("categories"), Seq) else ()
    out = []
    for text, item in zip(cats, items):
        number = number_in(text, longest=60)
        if number is None:
            ctx.error(
                item.where,
                "K227",
                f"a scatter chart's categories are its x values, so each is a number; got `{cut(text, 30)}` "
                "(write digits only, e.g. `1.5` or `2e9`; for named categories use `line` or `column`)",
            )
            out.append(INVALID)
        else:
            out.append(number)
    return INVALID if INVALID in out else tuple(out)


def _range_ok(value, kind: str, log: bool, node, ctx) -> bool:
    """Check the value axis's `min` and `max`: an axis to set, min below max, above 0 on a log scale."""
    low, high = value.get("min"), value.get("max")
    if low is None and high is None:
        return True
    key = "min" if low is not None else "max"
    if kind in ROUND:
        ctx.error(_key_where(node, key), "K228", f"a {kind} chart has no value axis; remove `min` and `max`")
        return False
    if low is not None and high is not None and low >= high:
        ctx.error(_key_where(node, "max"), "K228", f"`max` ({high:g}) must be above `min` ({low:g})")
        return False
    if log and low is not None and low <= 0:
        ctx.error(_key_where(node, "min"), "K228", f"a log scale starts above 0; got `min: {low:g}`")
        return False
    return True
