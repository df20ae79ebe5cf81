"""A unit's progress report as an Excel form: written by `kehoach form`, read back by
`kehoach import` into the same YAML a clerk would write, checked by the same rules."""
