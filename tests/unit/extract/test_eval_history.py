"""scripts/eval_history.py: the once-only scorings rebuilt from history, by kind of claim."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


hist = _load("eval_history")
ev = sys.modules["eval_extract"]


def test_a_tree_scored_in_its_own_interpreter_scores_as_the_scorer_does() -> None:
    # the child process runs the extractor of the tree it is given; given this checkout, it
    # must agree with eval_extract's own run of the same batch
    batch = "2026-12-04k"
    row = hist.score_with(ROOT, batch)
    passages = [p for part in ev.PARTS for p in ev.load_part(part) if p.get("added") == batch]
    st, au = ev.score_part(passages, ev.run_extractor(passages))
    assert (row["gold"], row["found"], row["matched"]) == (st.gold, st.found, st.matched)
    assert row["by_class"] == st.by_class
    assert row["audit"] == [au.gold, au.matched, len(au.false_alarms)]
    assert len(row["wrong"]) == len(st.wrong)
    assert row["false_alarms"] == [
        [pid, f["check"], f["verdict"], f["note"]] for pid, f in au.false_alarms
    ]


def test_summary_sums_batches_and_their_kinds_of_claim() -> None:
    rows = [
        {"batch": "2026-12-04k", "gold": 4, "found": 3, "matched": 2, "audit": [1, 0, 0],
         "by_class": {"target, nothing stated": [2, 1], "in its sentence": [3, 2],
                      "percent only (target implied)": [1, 1]}},
        {"batch": "2026-12-04l", "gold": 6, "found": 1, "matched": 1, "audit": [0, 0, 1],
         "unlinked": 1,
         "by_class": {"target, nothing stated": [1, 1], "in its sentence": [1, 1]}},
    ]  # fmt: skip
    lines = hist.summary(rows)
    assert lines[0] == (
        "2026-12-04k (c9d4ebf): annotated 4, found 3, matched 2; audit 0 of 1 (0 false alarms)"
    )
    assert lines[2] == "all 2: annotated 10, found 4, matched 3: recall 0.30  precision 0.75"
    assert lines[3].startswith("  of the wrong, right but unlinked 1 ")
    assert lines[3].endswith("counted right: recall 0.40  precision 1.00")
    assert "    target, nothing stated: 2 right of 3 (precision 0.67)" in lines
    assert "    in its sentence: 3 right of 4 (precision 0.75)" in lines


def test_every_scoring_recorded_names_a_batch_of_the_set_and_a_full_commit() -> None:
    known = {p.get("added") for part in (*ev.PARTS, ev.OLDER) for p in ev.load_part(part)}
    assert set(hist.SCORED_AT) <= known
    # every batch tuned on after its once-only scoring has that scoring's commit (the third
    # batch was scored with the held-out part, before batches were scored on their own)
    assert ev.TUNED_AFTER_SCORING - {"2026-12-03c"} <= set(hist.SCORED_AT)
    assert all(len(c) == 40 and int(c, 16) >= 0 for c in hist.SCORED_AT.values())


def test_a_batch_is_scored_across_both_parts(capsys: pytest.CaptureFixture[str]) -> None:
    batch = "2026-12-04k"
    passages = [p for part in ev.PARTS for p in ev.load_part(part) if p.get("added") == batch]
    assert {ev.part_of_site(p["site"]) for p in passages} == {"dev", "heldout"}
    assert ev.main(["--batch", batch, "--by-class"]) == 0
    out = capsys.readouterr().out.splitlines()
    st, _ = ev.score_part(passages, ev.run_extractor(passages))
    assert out[0].startswith(f"== batch {batch} (both parts): {len(passages)} passages")
    assert out[1] == (
        f"target-versus-result statements: annotated {st.gold}, found {st.found} "
        f"(+{st.neutral} neutral), matched {st.matched}"
    )
    assert out[2:4] == [
        f"  recall {ev._pct(st.recall)}  precision {ev._pct(st.precision)}",
        st.unlinked_line(),
    ]
    assert out[5:] == ev.class_lines(st)
    assert ev.main(["--batch", "2099-01-01a"]) == 2
    assert "no passage of batch 2099-01-01a" in capsys.readouterr().err


def _history_trees(under: Path) -> list[str]:
    """The repository's worktrees in temporary directories under ``under`` (so that a scoring
    run of another process on the same repository does not count)."""
    out = subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "list", "--porcelain"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return [line for line in out.splitlines() if "kpi-history-" in line and str(under) in line]


@pytest.mark.parametrize("delay", [0.1, 0.5])  # in git's checkout under load, or in the scoring
def test_sigterm_while_scoring_leaves_no_temporary_worktree(tmp_path: Path, delay: float) -> None:
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'scripts')!r}); import eval_history as h; "
        f"h.stop_cleanly_on_sigterm(); h.score_at({head!r}, '2026-12-04k')"
    )
    under = tmp_path.resolve()
    env = {**os.environ, "TMPDIR": str(under)}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 120
        while not _history_trees(under) and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert _history_trees(under), "the scoring made no temporary worktree"
        time.sleep(delay)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=120) in (0, 128 + signal.SIGTERM)
    finally:
        proc.kill()
    assert _history_trees(under) == []
    assert not list(under.glob("kpi-history-*"))


def test_an_interrupted_worktree_add_is_let_finish_before_the_error_goes_on(tmp_path: Path) -> None:
    # Killed half-way, `git worktree add` left its checkout child writing into the directory
    # being removed (a kpi-history-* directory and a locked worktree were left behind).
    done = tmp_path / "done"
    slow = [
        sys.executable,
        "-c",
        f"import time, pathlib; time.sleep(0.5); pathlib.Path({str(done)!r}).touch()",
    ]

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    try:
        with pytest.raises(KeyboardInterrupt):
            hist._add_worktree(slow)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert done.exists()
    with pytest.raises(subprocess.CalledProcessError):
        hist._add_worktree([sys.executable, "-c", "raise SystemExit(3)"])


def test_verbose_lists_wrong_claims_then_false_alarms_after_the_same_summary(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {
        "batch": "2026-12-04l", "gold": 3, "found": 2, "matched": 1, "audit": [2, 1, 1],
        "by_class": {"in its sentence": [2, 1]},
        "wrong": [["zz-01", 40.0, 50.0, "80%", "Sản lượng đạt 40 tấn, bằng 80% kế hoạch."]],
        "false_alarms": [["zz-02", "percent", "inconsistent", "stated 95% but 19/25 = 76%"]],
    }  # fmt: skip
    monkeypatch.setattr(hist, "score_at", lambda commit, batch: {**row, "batch": batch})
    assert hist.main(["2026-12-04l"]) == 0
    plain = capsys.readouterr().out.splitlines()
    assert plain == hist.summary([row])
    assert hist.main(["2026-12-04l", "-v"]) == 0
    verbose = capsys.readouterr().out.splitlines()
    assert verbose[: len(plain)] == plain
    assert verbose[len(plain) :] == [
        "  wrong  zz-01: actual 40.0 target 50.0 80% — 'Sản lượng đạt 40 tấn, bằng 80% kế hoạch.'",
        "  false alarm  zz-02: percent inconsistent — stated 95% but 19/25 = 76%",
    ]
    # a row of a child without the list (none recorded) prints no false alarm
    monkeypatch.setattr(hist, "score_at", lambda commit, batch: {"batch": batch, **{
        k: v for k, v in row.items() if k not in ("batch", "false_alarms")}})  # fmt: skip
    assert hist.main(["2026-12-04l", "-v"]) == 0
    assert not [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("  false alarm")]
