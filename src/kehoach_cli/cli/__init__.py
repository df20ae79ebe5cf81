"""Command-line interface: thin Typer commands that call the core and print."""
