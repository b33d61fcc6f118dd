"""hotpass-like: a small data refinement pipeline, written as an example project for chainwarden."""

__version__ = "0.3.0"

__all__ = ["__version__"]
