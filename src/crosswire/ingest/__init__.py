"""ingest stage: files, folders, stdin, HTML, JSONL, feeds and WARCs -> ``RawReport`` / ``Rejection``.

The only entry point is :func:`read_inputs`; the modules behind it are private helpers.
"""

from crosswire.ingest.reader import DEFAULT_MAX_BYTES, read_inputs, sniff

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs", "sniff"]
