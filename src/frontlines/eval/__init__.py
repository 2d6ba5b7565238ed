"""Scoring frontlines against gold data in the format of ../shared/eval/FORMAT.md.

One pure scorer per task (geo, time, quotes, events, event_type), a reader for
the gold JSONL files, and a runner that puts gold documents through the real
pipeline and scores what comes out. ``frontlines eval`` is its command line.
"""

from frontlines.eval.common import Case, Score
from frontlines.eval.reader import TASKS, GoldDoc, read_gold
from frontlines.eval.runner import EvalResult, evaluate_docs, evaluate_file

__all__ = ["TASKS", "Case", "EvalResult", "GoldDoc", "Score", "evaluate_docs", "evaluate_file", "read_gold"]
