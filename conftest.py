"""Repository-wide pytest configuration."""

from hypothesis import settings

collect_ignore = ["src/opengov/__main__.py"]

# Speed is measured in benchmarks/, never asserted in tests: no per-example deadline,
# so a busy machine cannot turn a correct property into a failure.
settings.register_profile("opengov", deadline=None)
settings.load_profile("opengov")
