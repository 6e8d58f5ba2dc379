"""`python -m deck`: the same as the `deck` command."""

import sys

from deck.cli import main

sys.exit(main())
