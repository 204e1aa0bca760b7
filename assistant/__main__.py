"""``python -m assistant`` runs the ``planassist`` command line."""

from assistant.interfaces.cli import main

main()
