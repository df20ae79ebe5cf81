"""Documents built from the plan and the progress files."""
