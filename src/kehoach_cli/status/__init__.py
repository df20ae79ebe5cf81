"""Where the plan stands: pure computations that return rows; rendering is the CLI's job."""
