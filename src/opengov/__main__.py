"""``python -m opengov`` runs the command line."""

from opengov.cli import main

raise SystemExit(main())
