"""The report's wording, one module per part of the document. Each reads the year's facts
and findings (facts/) and only words them: none decides whether a report is late, a task
overdue or an indicator met. report/context.py assembles the parts into the template's
context."""
