"""Repository-wide pytest configuration."""

collect_ignore = ["src/opengov/__main__.py"]
