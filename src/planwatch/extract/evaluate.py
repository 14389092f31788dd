"""Score the extractor on the seed and the dev gold files: ``python -m planwatch.extract.evaluate``.

Uses ``../shared/tools/score_facts.py`` (the official scorer) on each gold file and prints one
line per file; ``--show-errors N`` lists missed and spurious facts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from planwatch.documents import read
from planwatch.extract.pipeline import extract_facts

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
PAIRS = (
    ("gold/seed.gold.json", "seeds/000_6f42d119bd871e74.txt"),
    ("gold/04_anhui-gwr-2026.gold.json", "corpus/04_anhui-gwr-2026.txt"),
    ("gold/05_hubei-gwr-2026.gold.json", "corpus/05_hubei-gwr-2026.txt"),
    ("gold/09_national-gwr-2025.gold.json", "corpus/09_national-gwr-2025.txt"),
    ("gold/11_hailar-district-gwr-2019.gold.json", "corpus/11_hailar-district-gwr-2019.txt"),
    ("gold/13_daqing-h1-economy-analysis-2016.gold.json", "corpus/13_daqing-h1-economy-analysis-2016.txt"),
    ("gold/16_liaoning-gwr-2026.gold.json", "corpus/16_liaoning-gwr-2026.txt"),
)
KEYS = ("f1", "precision", "recall", "period_agree", "modality_agree", "qualifier_agree", "baseline_agree",
        "subject_char_f1")


def score_file(gold: Path, text_path: Path, shared: Path = SHARED, show_errors: int = 0) -> tuple[dict, str]:
    """Extract facts from ``text_path`` and score them against ``gold`` with the official scorer."""
    document = read(str(text_path))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for fact in extract_facts(document):
            f.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
        pred = f.name
    scorer = shared / "tools" / "score_facts.py"
    res = subprocess.run([sys.executable, str(scorer), str(gold), pred, "--json"], capture_output=True, text=True,
                         check=True)
    errors = ""
    if show_errors:
        errors = subprocess.run([sys.executable, str(scorer), str(gold), pred, "--show-errors", str(show_errors)],
                                capture_output=True, text=True, check=True).stdout
    Path(pred).unlink()
    return json.loads(res.stdout), errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--only", default="")
    args = ap.parse_args(argv)
    scorer = args.shared / "tools" / "score_facts.py"
    if not scorer.is_file():
        print(f"未找到评分程序 {scorer}：没有可评测的开发集（需要 ../shared）", file=sys.stderr)
        return 0
    for gold, text in PAIRS:
        if args.only and args.only not in gold:
            continue
        if not (args.shared / gold).is_file() or not (args.shared / text).is_file():
            print(f"跳过 {gold}：文件不存在", file=sys.stderr)
            continue
        scores, errors = score_file(args.shared / gold, args.shared / text, args.shared, args.show_errors)
        name = Path(gold).name.split(".")[0][:12]
        print(f"{name:12} " + " ".join(f"{k.replace('_agree', '')}={scores[k]:.3f}" for k in KEYS)
              + f" gold={scores['gold']} pred={scores['pred']}")
        if errors:
            print("\n".join(line for line in errors.splitlines() if line.startswith(("--", "   "))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
