"""The extractor never crashes, always points at its own text, and has no super-linear pattern.

Two kinds of evidence:

* hypothesis feeds random Unicode (CJK, digits, full-width forms, brackets, cue words) and checks
  that ``extract_facts`` returns facts whose ``text == input[span]``;
* adversarial inputs of 10⁵ characters (repeated 万, digit runs, deep bracket nesting, long runs of
  增长, alternating digit/%) run in a child process with a time-out, so a catastrophic regex cannot hang
  the suite. Each pattern is also timed on n and 8n characters; the test fails only when the time
  grows grossly faster than the input (more than 40× for 8× the input). That is a correctness
  property (no catastrophic backtracking, no quadratic rescans), not a speed target — speed is
  measured by ``benchmarks/bench_extract.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planwatch.extract import extract_facts

from .phrase_cases import CASES, span_problems

# ---------------------------------------------------------------------------------------------
# Random input.

_REPORT_CHARS = (
    "0123456789０１２３４５６７８９.．,，%％‰"
    "〇零一二两三四五六七八九十百千万亿半余多几"
    "个家项元亿吨亩公里人次位第年月日末底季度成分之倍番"
    "增长下降提高回落收窄扩大百分点比重占全市省同比上年分别和及、。；：！？"
    "（）()【】[]《》“”\"'—-～~/+±·…\n\t 　"
    "超过近约左右以上以下不到低于至少逾突破力争目标预期计划下一步工作打算累计十四五连续首位"
)

_TOKENS = [
    "增长", "下降", "个百分点", "万", "亿元", "万人次", "1.5", "12", "０", "３", "第", "位", "首位", "分别", "、",
    "（下同）", "下一步工作打算\n", "主要预期目标\n", "一、", "（一）", "以上", "约", "左右", "近", "超", "余", "多",
    "%", "％", "—", "-", "～", "倍", "翻一番", "三分之一", "1/5", "9成", "2025年", "1—6月", "6月末", "全年",
    "累计", "连续", "年均", "比2020年", "较上年末", "指数为", "从", "提高到", "（", "）", "“", "”", "。", "，", "\n",
    "十", "百", "千", "两", "〇", "零", "半", "亿", "万亿", "个", "台（套）", "吨标准煤/万元", "微克/立方米",
    # the words of the document-level rules: plan reviews, target sections, time progress, shares of plans
    "县十四五规划纲要实施中期评估报告\n", "实施两年来", "二、2025年主要目标和重点工作\n", "截至9月30日", "5月当月",
    "时序进度（", "的目标", "是2020年的", "指数（上年=100）为", "完成年度计划的", "高于时序进度", "较年初增加",
    "环比", "建成", "各类", "三大", "已", "剩余", "15件重点民生实事", "统筹规划", "翻了一番", "由上年的", "缩小到",
    "以上目标", "10.6年", "首位",
]


def _check(text: str) -> None:
    facts = extract_facts(text)
    assert isinstance(facts, list)
    problems = span_problems(text, facts)
    assert not problems, problems
    for f in facts:
        assert f.measure in {"level", "growth", "ratio", "change_pp", "rank"}, f
        assert f.modality in {"actual", "target", "plan"}, f
        assert f.value == f.value, f"value is NaN: {f}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.one_of(st.sampled_from(_REPORT_CHARS), st.characters()), max_size=400))
def test_random_unicode_never_crashes_and_every_fact_points_at_its_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TOKENS), max_size=80).map("".join))
@example("1.56月末比2020年1.5个百分点")  # a decimal's digits read as month 56 once crashed the period reader
@example("2025年8—3月增长5%，13—15月增长6%")  # months backwards or past 12 are no period
def test_random_report_tokens_never_crash_and_every_fact_points_at_its_text(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([c.phrase for c in CASES]), min_size=1, max_size=12).map("\n".join),
       st.integers(min_value=0, max_value=50))
def test_table_phrases_cut_at_any_point_still_give_valid_spans(text: str, cut: int) -> None:
    """Truncated sentences (a number at the very end, a half bracket) are ordinary input."""
    _check(text[: max(0, len(text) - cut)])


# ---------------------------------------------------------------------------------------------
# Adversarial inputs in a child process.
#
# A pattern is (head, core, tail): the text for k is head*k + core + tail*k, so nesting patterns and
# plain repetition share one form (plain repetition is cut to the exact size).

PATTERNS: dict[str, tuple[str, str, str]] = {
    "repeated 万": ("万", "", ""),
    "repeated 亿万": ("亿万", "", ""),
    "digit run": ("9", "", ""),
    "full-width digit run": ("９", "", ""),
    "digits with separators": ("1,", "", ""),
    "digits with dots": ("1.", "", ""),
    "Chinese numeral run": ("一二三四五六七八九十百千万亿两〇零半", "", ""),
    "deep full-width brackets": ("（", "5%", "）"),
    "deep ASCII brackets": ("(", "增长5%", ")"),
    "deep mixed brackets": ("（(【“", "1.2万亿元", "”】)）"),
    "run of 增长": ("增长", "", ""),
    "alternating digit and %": ("1%", "", ""),
    "alternating digit and 、": ("1、", "", ""),
    "range chain": ("1—", "2个", ""),
    "分别 list": ("分别增长", "", ""),
    "long 分别 list of numbers": ("3%、", "", ""),
    "qualifier words": ("超过近约左右以上", "", ""),
    "第 run": ("第", "", ""),
    "heading labels": ("一、（一）1.(1)", "", ""),
    "newlines": ("\n", "", ""),
    "dense report figures": ("全市规上工业增加值增长5.6%，完成投资1,286.4亿元，居全省第3位；", "", ""),
    "table phrases": ("\n".join(c.phrase for c in CASES) + "\n", "", ""),
}

BIG_CHARS = 100_000  # the crash and span check (10⁵ repeated 万, 10⁵-digit runs, …)
SMALL_CHARS = 4_000  # the scaling check: n and 8n
GROWTH = 8
MAX_RATIO = 40.0  # for 8× the input; quadratic gives ~64×
NOISE_FLOOR_S = 0.05  # below this the larger run is too fast for a ratio to mean anything
STEP_TIMEOUT_S = 10.0  # per step of one pattern; a linear extractor needs well under a second

_CHILD = r"""
import json, sys, time
from planwatch.extract import extract_facts

patterns = json.loads(sys.argv[1])
big, small, growth, max_ratio = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])

def build(head, core, tail, chars):
    if not core and not tail:  # plain repetition: cut to exactly `chars` characters
        return (head * (chars // len(head) + 1))[:chars]
    k = max(1, chars // (len(head) + len(tail)))
    return head * k + core + tail * k

def best_of(text, repeat=2):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        extract_facts(text)
        best = min(best, time.perf_counter() - t0)
    return best

def emit(**row):
    print(json.dumps(row), flush=True)

for name, (head, core, tail) in patterns.items():
    n_text = build(head, core, tail, small)
    n8_text = build(head, core, tail, small * growth)
    emit(name=name, step="start")
    t_n = best_of(n_text)
    emit(name=name, step="n", n=len(n_text), t_n=t_n)
    t_8n = best_of(n8_text)
    if t_8n / max(t_n, 1e-9) > max_ratio:  # a busy machine: look again before calling it super-linear
        t_n, t_8n = min(t_n, best_of(n_text, 5)), min(t_8n, best_of(n8_text, 5))
    emit(name=name, step="8n", n8=len(n8_text), t_8n=t_8n, t_n=t_n)
    text = build(head, core, tail, big)
    t0 = time.perf_counter()
    facts = extract_facts(text)
    big_s = time.perf_counter() - t0
    bad = [f.text for f in facts
           if not (0 <= f.span[0] < f.span[1] <= len(text)) or text[f.span[0]:f.span[1]] != f.text]
    emit(name=name, step="big", chars=len(text), facts=len(facts), bad=bad[:5], big_s=big_s)
"""


def _run_patterns(patterns: dict[str, tuple[str, str, str]]) -> dict[str, dict]:
    """Run the patterns in child processes; a step that hangs is recorded and the child restarted.

    Each pattern reports its steps (n, 8n, 10⁵ characters) as JSON lines; a step that does not
    report within ``STEP_TIMEOUT_S`` is marked ``hung`` and the remaining patterns go on in a new
    child, so one catastrophic pattern neither hangs the suite nor hides the others.
    """
    import queue
    import threading

    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    results: dict[str, dict] = {name: {} for name in patterns}
    remaining = list(patterns)
    while remaining:
        todo = {name: patterns[name] for name in remaining}
        cmd = [sys.executable, "-c", _CHILD, json.dumps(todo), str(BIG_CHARS), str(SMALL_CHARS), str(GROWTH),
               str(MAX_RATIO)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                encoding="utf-8", env=env)
        lines: queue.Queue[str | None] = queue.Queue()

        def pump(stream=proc.stdout, sink=lines) -> None:
            for line in stream:
                sink.put(line)
            sink.put(None)

        threading.Thread(target=pump, daemon=True).start()
        current: str | None = None
        while True:
            try:
                line = lines.get(timeout=STEP_TIMEOUT_S)
            except queue.Empty:
                proc.kill()
                proc.wait()
                if current is not None:
                    results[current]["hung"] = True
                    remaining = remaining[remaining.index(current) + 1:]
                break
            if line is None:
                proc.wait()
                if proc.returncode != 0:
                    err = proc.stderr.read()[-2000:] if proc.stderr else ""
                    target = current or remaining[0]
                    results[target]["error"] = err
                    remaining = remaining[remaining.index(target) + 1:]
                else:
                    remaining = []
                break
            row = json.loads(line)
            current = row["name"]
            results[current].update(row)
            if row["step"] == "big":
                remaining = remaining[remaining.index(current) + 1:]
                current = None
    return results


@pytest.fixture(scope="module")
def adversarial_results() -> dict[str, dict]:
    return _run_patterns(PATTERNS)


def _result(results: dict[str, dict], name: str, needs: str) -> dict:
    row = results[name]
    if "error" in row:
        pytest.fail(f"pattern {name!r}: the extractor raised:\n{row['error']}", pytrace=False)
    if needs not in row:
        pytest.fail(
            f"pattern {name!r}: step after {row.get('step', 'start')!r} did not finish within {STEP_TIMEOUT_S:.0f} s "
            f"(state: {row})",
            pytrace=False,
        )
    return row


@pytest.mark.parametrize("adversarial_pattern", list(PATTERNS))
def test_adversarial_input_of_a_hundred_thousand_characters_is_handled(
    adversarial_results: dict[str, dict], adversarial_pattern: str
) -> None:
    name = adversarial_pattern
    row = _result(adversarial_results, name, "chars")
    assert row["chars"] >= BIG_CHARS // 2
    assert not row["bad"], f"{name}: facts whose text is not input[span]: {row['bad']}"


@pytest.mark.parametrize("adversarial_pattern", list(PATTERNS))
def test_time_grows_linearly_with_adversarial_input(
    adversarial_results: dict[str, dict], adversarial_pattern: str
) -> None:
    name = adversarial_pattern
    row = _result(adversarial_results, name, "t_8n")
    ratio = row["t_8n"] / max(row["t_n"], 1e-9)
    allowed = MAX_RATIO * (row["n8"] / row["n"]) / GROWTH  # nesting patterns are only about 8× apart
    msg = (
        f"{name}: {row['n']} chars took {row['t_n'] * 1000:.1f} ms, {row['n8']} chars took "
        f"{row['t_8n'] * 1000:.1f} ms ({ratio:.0f}× for {row['n8'] / row['n']:.0f}× the input)"
    )
    if row["t_8n"] > NOISE_FLOOR_S:
        assert ratio <= allowed, msg
