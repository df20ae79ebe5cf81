"""`kehoach plan import`: a draft plan.yaml from the issued plan document.

Layered like a renderer: source (the file as blocks) → header and outline (the head, the
sections, their items) → tasks, assignments, units, reporting (who leads, who cooperates, by
when) → document, sections, reporting_draft and draft (the plan dict and its `# KIỂM TRA`
notes) → yaml_text (the commented YAML) and summary (what was read, guessed and left); run
ties them together and checks the draft as `kehoach validate` would.
"""
