"""The repair stages. Each is a pure function ``(Document, Context) -> Iterable[Edit]``."""
