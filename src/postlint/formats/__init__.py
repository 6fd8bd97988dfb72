"""The built-in output formats, one module each, registered as ordinary plugins."""
