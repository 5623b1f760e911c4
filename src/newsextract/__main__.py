"""``python -m newsextract`` is the ``newsextract`` command."""

from newsextract.cli import main

raise SystemExit(main())
