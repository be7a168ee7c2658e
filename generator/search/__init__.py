"""Thai full-text search for the rendered site: a trigram index in small files (built here) and
a search box in the Material header that reads it (``site_theme/assets/search/search.js``)."""

from .index import INDEX_DIR, IndexStats, index_site

__all__ = ["INDEX_DIR", "IndexStats", "index_site"]
