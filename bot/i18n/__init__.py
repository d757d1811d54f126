"""Translation: the gettext catalogs in locales/, read and maintained through Babel."""
