"""`python -m graph_service` is the `creditgraph` command."""

from graph_service.cli import main

main()
