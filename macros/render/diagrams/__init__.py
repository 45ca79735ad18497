"""Assessment diagrams drawn from data as SVG: ecomap, genogram, strengths quadrant, timeline, outcomes."""
