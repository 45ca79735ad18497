"""Site search for Indonesian text: a sharded, stemmed index (build.py) and its browser side
(overrides/assets/javascripts/casebook/search-*.js), behind Material's own search box."""

from macros.search.indexer import BackgroundIndexer, PageIndexer
from macros.search.sections import install as install_page_sections
from macros.search.sections import search_order

__all__ = ["BackgroundIndexer", "PageIndexer", "install_page_sections", "search_order"]
