"""The plan and the progress files: pydantic models (plan.py, progress.py), the field types
(values.py) and what needs no pydantic (parsing.py, status.py). Import the module you
need: this package imports nothing itself, so that the pydantic-free modules load without
pydantic (the fast path of `kehoach validate FILE`, checks/progress_reader.py)."""
