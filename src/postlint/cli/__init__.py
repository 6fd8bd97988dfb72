"""The `postlint` command on top of everything: option parsing (`main`), the answers to
--explain and --list-* (`explain`) and --measure (`measure`)."""
