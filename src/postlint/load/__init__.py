"""Reading what configures a run: YAML with lines and limits (`yamlfile`), the user's
config, rule files, profiles, rule selection, the built-in rule folder, and the cache
that keeps what they hold between runs. Load imports nothing else of postlint but
hookspecs."""
