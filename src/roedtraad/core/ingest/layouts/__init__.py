"""One reader per document layout; each returns a `LayoutDraft` of spans."""
