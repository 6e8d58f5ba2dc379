"""Lint stage: what a built deck says about the talk — its length, and what changed since the last build."""

from deck.lint.talktime import TalkTime, estimate_talk

__all__ = ["TalkTime", "estimate_talk"]
