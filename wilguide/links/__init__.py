"""External link check of the built site (the scheduled links workflow), with LinkChecker as engine."""
