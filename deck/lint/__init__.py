"""Lint stage: what a built deck says about the talk — its length, its accessibility, and
what changed since the last build."""

from deck.lint.access import check_access
from deck.lint.talktime import TalkTime, estimate_talk

__all__ = ["TalkTime", "check_access", "estimate_talk"]
