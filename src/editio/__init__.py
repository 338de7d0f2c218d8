"""editio: validate and publish TEI P5 digital scholarly editions."""

__version__ = "0.1.0"
