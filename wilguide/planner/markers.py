"""Where the planner lives: its page, the markers the page must keep, and its data file."""

PAGE = "toolkit/planner.md"
DATA_FILE_NAME = "planner.yml"  # in content/
MARKERS = ("<!-- planner:noscript -->", "<!-- planner:form -->", "<!-- planner:rhythm -->")
