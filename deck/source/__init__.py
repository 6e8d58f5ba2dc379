"""Source stage: an outline or theme file → located values (the only stage that reads YAML)."""

from deck.source.located import Map, Node, Scalar, Seq
from deck.source.reader import load_yaml

__all__ = ["Map", "Node", "Scalar", "Seq", "load_yaml"]
