"""Signals of the core machinery that domain apps listen to (``core`` imports no domain app)."""

from django.dispatch import Signal

# Sent when a background worker is about to take tasks: the moment to take up or fail
# work that a worker which died (server stopped, process killed) left half done.
worker_starting = Signal()
