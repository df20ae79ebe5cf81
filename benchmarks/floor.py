"""The floor: parse every YAML file of a workspace with libyaml (yaml.CSafeLoader), nothing else."""

import sys
from pathlib import Path

import yaml

root = Path(sys.argv[1])
for path in [root / "data" / "plan.yaml", *sorted((root / "data" / "progress").rglob("*.yaml"))]:
    with open(path, "rb") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
