"""The order of a chart's XML children (DrawingML charts' schema), and inserting an element where
that order puts it."""

from __future__ import annotations

from lxml import etree

from deck.pptx.text import qn

# Children that may follow the element being inserted, per parent (the schema's order).
AFTER = {
    "ser": (
        "c:invertIfNegative",
        "c:pictureOptions",
        "c:marker",
        "c:explosion",
        "c:dPt",
        "c:dLbls",
        "c:trendline",
        "c:errBars",
        "c:xVal",
        "c:cat",
        "c:yVal",
        "c:val",
        "c:smooth",
        "c:shape",
        "c:extLst",
    ),
    "plot": (
        "c:gapWidth",
        "c:overlap",
        "c:serLines",
        "c:dropLines",
        "c:hiLowLines",
        "c:upDownBars",
        "c:marker",
        "c:smooth",
        "c:firstSliceAng",
        "c:axId",
        "c:extLst",
    ),
    "axis": (
        "c:majorGridlines",
        "c:minorGridlines",
        "c:title",
        "c:numFmt",
        "c:majorTickMark",
        "c:minorTickMark",
        "c:tickLblPos",
        "c:spPr",
        "c:txPr",
        "c:crossAx",
        "c:crosses",
        "c:crossesAt",
        "c:crossBetween",
        "c:auto",
        "c:lblAlgn",
        "c:lblOffset",
        "c:majorUnit",
        "c:minorUnit",
        "c:dispUnits",
        "c:noMultiLvlLbl",
        "c:extLst",
    ),
    "space": (
        "c:roundedCorners",
        "c:style",
        "c:clrMapOvr",
        "c:pivotSource",
        "c:protection",
        "c:chart",
        "c:spPr",
        "c:txPr",
        "c:externalData",
        "c:printSettings",
        "c:userShapes",
        "c:extLst",
    ),
}


def insert(
    parent: etree._Element, child: etree._Element, successors: tuple[str, ...], replace: bool = True
) -> etree._Element:
    """Insert `child` into `parent` before the first child named in `successors` (or at
    the end); with `replace`, it replaces an existing element of the same tag instead."""
    old = parent.find(child.tag) if replace else None
    if old is not None:
        parent.replace(old, child)
        return child
    names = {qn(s) for s in successors}
    for node in parent:
        if node.tag in names:
            node.addprevious(child)
            return child
    parent.append(child)
    return child
