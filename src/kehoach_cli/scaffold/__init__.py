"""Text of the files kehoach creates for clerks (new progress file, new data repository)."""
