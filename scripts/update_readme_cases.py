"""Write the model-versus-reported-cases table (``python -m planner cases --format markdown``) into
the README between its ``cases`` markers; the tests fail when the README's table is stale."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planner import cases  # noqa: E402


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    table = cases.markdown(cases.evaluate_all(), "en")
    new, count = re.subn(r"(<!-- cases:start -->\n).*?(<!-- cases:end -->)",
                         lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
    if count != 1:
        print("README.md has no <!-- cases:start --> … <!-- cases:end --> block", file=sys.stderr)
        return 1
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
