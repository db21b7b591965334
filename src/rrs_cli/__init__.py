"""rrs: the Rotterdam Resilience Strategy as a queryable, validated catalogue."""

__version__ = "0.1.0"
