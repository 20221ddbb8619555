"""The one error a reader raises."""


class ReadError(Exception):
    """A file that cannot be read; the message is for the user, in Vietnamese."""
