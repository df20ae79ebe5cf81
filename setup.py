"""One build step pyproject.toml cannot declare: the users' guide, docs/huong-dan.md,
goes into the package (kehoach_cli/resources/), so that an installed kehoach can show it
(`kehoach guide`). Everything else about the build is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

GUIDE = Path(__file__).resolve().parent / "docs" / "huong-dan.md"


class BuildPyWithGuide(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "kehoach_cli" / "resources" / GUIDE.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(GUIDE, target)


setup(cmdclass={"build_py": BuildPyWithGuide})
