"""`python -m deck`: the same as the `deck` command."""

from deck.cli import run

run()
