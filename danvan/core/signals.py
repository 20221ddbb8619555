"""Signals of the core machinery that domain apps listen to (``core`` imports no domain app)."""

from django.dispatch import Signal

# Sent when a background worker is about to take tasks: the moment to take up or fail
# work that a worker which died (server stopped, process killed) left half done.
worker_starting = Signal()

# Sent by the working calendar (core.workdays) when an administrator enters a year's announcement of days off
# (a CalendarYear): deadlines that waited for that year may now be computed. Arguments: ``year``.
calendar_published = Signal()
