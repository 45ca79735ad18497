"""Site search for Indonesian text: a sharded, stemmed index (build.py) and its browser side
(overrides/assets/javascripts/casebook/search-*.js), behind Material's own search box."""

from macros.search.build import build_search_index

__all__ = ["build_search_index"]
