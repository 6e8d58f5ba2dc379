"""deck: turn a YAML outline into a themed, editable PowerPoint talk."""

__version__ = "0.1.0"
