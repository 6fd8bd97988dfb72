"""Make docs/report.png, the README's picture of `--format html`, from the example drafts.

    python scripts/report_screenshot.py

Needs headless Chromium (Debian: `apt-get install chromium`); emoji show as boxes unless
`fonts-noto-color-emoji` is installed. The page is rendered with the system's light
colours at 1000x1400 CSS pixels.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "report.png"


def main() -> int:
    browser = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
    if browser is None:
        print("needs chromium (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        env = {**os.environ, "POSTLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "NO_COLOR": "1"}
        subprocess.run([sys.executable, "-m", "postlint", "--isolated", "--format", "html",
                        "--output-file", str(page), "examples/drafts/"], cwd=ROOT, env=env,
                       stdout=subprocess.DEVNULL)
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", f"--user-data-dir={folder}/profile",
                        f"--screenshot={OUT}", "--window-size=1000,1400",
                        page.as_uri()], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
