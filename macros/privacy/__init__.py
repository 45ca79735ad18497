"""Privacy gate: private identity file, identity patterns, output leak scan, photo metadata stripping."""
