"""The submission PDF of each report: print HTML assembly, print CSS, WeasyPrint call, cache."""
