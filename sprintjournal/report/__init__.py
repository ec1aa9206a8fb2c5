"""The blog-ready sprint report: composition, rendering, export targets."""
