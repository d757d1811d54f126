"""The English source of every text the assistant sends, as curated YAML (see docs/curators.md)."""
