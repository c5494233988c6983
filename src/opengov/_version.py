"""The version of opengov (one place; the distribution's metadata repeats it)."""

VERSION = "0.1.0"
