"""The run: the catalog of what plugins offer, the engine that turns drafts into findings,
suppression, parallel runs, --fix, git diffs, finding drafts, and the report. Lint may
import checks/, text/ and load/, never formats/ or cli/."""
