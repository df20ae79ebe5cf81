"""What `kehoach --version` prints: the version, and the commit it was installed from when
that is known (pip's record of a git install, or the HEAD of the folder installed from),
so that a pin can name exactly this kehoach (docs/huong-dan.md, §1)."""

from __future__ import annotations


def version_line() -> str:
    from kehoach_cli import __version__
    from kehoach_cli.scaffold.install_source import running_origin

    origin = running_origin().describe()
    return f"kehoach {__version__}" + (f" ({origin})" if origin else "")
