"""Natural-language generation: every response rendered from the catalogs in the person's language."""
