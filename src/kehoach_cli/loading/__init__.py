"""Reading files: safe YAML with source positions, and workspace discovery."""
