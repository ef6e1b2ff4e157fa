"""crosswire: read many outlets' reports and tell what the stories are, who said what, and how outlets differ."""

__version__ = "0.1.0"
