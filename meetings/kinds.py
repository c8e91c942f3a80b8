"""The four kinds of engagement, in the order charts and legends show them.

Plain Python (no Django), so the extraction engine names its event types from here too.
"""

ENGAGEMENT_KINDS = ("meeting", "call", "agreement", "exercise")
LABELS = {"meeting": "Meeting", "call": "Call", "agreement": "Agreement", "exercise": "Exercise"}
