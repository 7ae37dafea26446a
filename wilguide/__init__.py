"""Plain, importable Python behind the MkDocs hooks: generators and validators.

Hooks in ``hooks/`` are thin adapters over this package, so tests and command-line tools call the
same code the build runs.
"""
