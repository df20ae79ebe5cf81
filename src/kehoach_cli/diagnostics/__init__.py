"""Problems found in the data: one `Issue` type and one catalogue of stable codes.

This is the bottom layer: every other layer may report issues, none is imported here.
"""

from kehoach_cli.diagnostics.codes import CATALOGUE, Rule
from kehoach_cli.diagnostics.issue import Issue, Position, Severity, make_issue

__all__ = ["CATALOGUE", "Issue", "Position", "Rule", "Severity", "make_issue"]
