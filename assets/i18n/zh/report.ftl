# The after-action report (src/report).
