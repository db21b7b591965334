"""``python -m rrs_cli`` runs the same CLI as the ``rrs`` command."""

from rrs_cli.cli import main

main()
