"""A parser given a file someone sent runs in a child process that may use only so much time and memory.

pypdf and pdfminer.six parse in Python, in whatever process calls them: a file built to exhaust them
(objects nested millions deep, streams that inflate to gigabytes) would cost the server's own memory
and time. In a child it costs a bounded amount: the child is killed at its deadline, or fails to
allocate past its address-space limit, and the caller gets ``Exhausted`` while the server goes on. The child is a
fresh interpreter running ``python -m MODULE ARGS``, which prints its answer as one JSON value.
"""

import json
import os
import subprocess
import sys

MEGABYTE = 1024 * 1024
# How a child that reached its address-space limit dies: Python's own error, or the loader's for a library.
_OUT_OF_MEMORY = (b"MemoryError", b"failed to map segment", b"Cannot allocate memory", b"out of memory")


class Exhausted(Exception):
    """The child ran out of its ``reason``: "time" or "memory" ("crashed" when it died otherwise)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _address_space(megabytes):
    def limit():
        import resource

        size = megabytes * MEGABYTE
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return limit if os.name == "posix" else None


def run_bounded(module, *args, seconds, megabytes):
    """The JSON value ``python -m module args`` prints, within ``seconds`` and ``megabytes``. Raises Exhausted."""
    try:
        done = subprocess.run([sys.executable, "-m", module, *map(str, args)], capture_output=True, timeout=seconds,
                              preexec_fn=_address_space(megabytes))
    except subprocess.TimeoutExpired as error:
        raise Exhausted("time") from error
    if done.returncode != 0:
        raise Exhausted("memory" if any(sign in done.stderr for sign in _OUT_OF_MEMORY) else "crashed")
    try:
        return json.loads(done.stdout)
    except ValueError as error:
        raise Exhausted("crashed") from error


def answer(value):
    """What a child module prints: its one JSON value."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False))
    sys.stdout.flush()
