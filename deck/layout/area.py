"""What a kind's layout gets and gives: the body area of a slide, and the bodies it fills."""

from __future__ import annotations

from dataclasses import dataclass

from deck.layout.page import Box, Element
from deck.problems import Where


@dataclass(frozen=True)
class Area:
    """The box a slide's content may fill (EMU), and where the slide was written."""

    box: Box
    where: Where

    def error(self, fit, message: str) -> None:
        fit.problems.append(self.where.error(message))


@dataclass(frozen=True)
class Body:
    """The content elements of one page; a kind returns several when it continues."""

    elements: tuple[Element, ...]
