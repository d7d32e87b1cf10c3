"""Engines that code documents: in this process (dyadwatch.guarded) or in a pool of worker processes
(engine.pool). Every engine yields one `guarded.Coded` per document, in input order; storing stays with
the single writer of the process that runs the ingest."""
