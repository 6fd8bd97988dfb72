"""The built-in rule types, one module each, registered as ordinary plugins."""
