"""`python -m deck`: the same as the `deck` command."""

import sys

from .cli import main

sys.exit(main())
