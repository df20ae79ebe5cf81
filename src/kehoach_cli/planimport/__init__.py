"""`kehoach plan import`: a draft plan.yaml from the issued plan document.

Layered like a renderer: source (the file as blocks) → outline (header, sections, items) →
tasks and units (who leads, who cooperates, by when) → draft (the plan dict and its
`# KIỂM TRA` notes) → yaml_text (the commented YAML) and summary (what was read and guessed).
"""
