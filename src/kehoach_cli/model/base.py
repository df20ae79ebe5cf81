from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from kehoach_cli.model.titles import field_title, model_title


def _json_schema(schema: dict[str, Any], model: type) -> None:
    """Vietnamese schemas only (docstrings are for developers), and the plain-text forms
    that some models also accept (a date as '2023', a paragraph as a string)."""
    schema.pop("description", None)
    alternatives = getattr(model, "json_alternatives", None)
    if alternatives:
        schema.pop("type", None)
        schema["anyOf"] = [*alternatives, {"type": "object"}]


class StrictModel(BaseModel):
    """Unknown keys are errors: a misspelt key must never be silently ignored."""

    # Other shapes a clerk may write for this model (see the model's before-validator).
    json_alternatives: ClassVar[list[dict[str, Any]]] = []

    model_config = ConfigDict(
        extra="forbid",
        validate_default=False,
        field_title_generator=field_title,
        model_title_generator=model_title,
        json_schema_extra=_json_schema,
    )
