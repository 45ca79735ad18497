"""Synthetic practicum reports for testing and benchmarking an archive at scale.

`generate(target_cases_dir, n, seed)` writes n valid, varied reports (deterministic by
seed) and `synth-manifest.json` beside them; `casebook synth` is its command.
"""

from macros.synth.generate import MARKER, SynthError, generate, is_synthetic
from macros.synth.manifest import MANIFEST_FILE, read_manifest

__all__ = ["generate", "SynthError", "MARKER", "MANIFEST_FILE", "is_synthetic", "read_manifest"]
