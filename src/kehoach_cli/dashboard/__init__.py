"""`kehoach dashboard`: the year's facts as one offline HTML page with charts.

A renderer like status/ and report/: it reads facts/ (never the other renderers) and
writes markup; the charts come from pygal (charts.py), imported only when a page is drawn.
"""

from kehoach_cli.dashboard.page import Provenance, render_dashboard

__all__ = ["Provenance", "render_dashboard"]
