"""Mutation testing of the counting engine: each module against its own test files.

``make mutation`` (or ``python scripts/mutation.py [MODULE ...]``) runs mutmut 3 with
one worker, one module at a time. For each module of :data:`MODULES` it lays a scratch
copy of the project under ``mutants/<module>/`` (``src/``, ``tests/``, the root
``conftest.py`` and a ``pyproject.toml`` whose ``[tool.mutmut]`` table is the project's
plus ``only_mutate`` = the module and ``pytest_add_cli_args_test_selection`` = its test
files), runs ``mutmut run --max-children 1`` there, and reads the verdicts back.

Each mutant is sorted into *message-only* (the mutated function differs from the
original only inside the arguments of a call to an ``...Error`` class, i.e. the text
of an error) or *behaviour-changing* (everything else). The score printed per module
is killed / total, and killed / total among behaviour-changing mutants. A summary goes
to ``mutants/summary.md`` and ``mutants/summary.json``; each module's surviving
mutants, with their diffs, to ``mutants/<module>/survivors.txt``.

When the engine moves to another module, change :data:`MODULES` only.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# -- the table: module under test -> its own test files ---------------------------------
# Paths are relative to the repository root. A test file that does not exist (yet) is
# skipped with a note, so the table can name files before they are written.
MODULES: dict[str, tuple[str, ...]] = {
    "src/opengov/calendar/_core.py": (
        "tests/calendar/test_cal_arith.py",
        "tests/calendar/test_cal_official.py",
        "tests/calendar/test_cal_notices.py",
        "tests/calendar/test_cal_provisional.py",
        "tests/calendar/test_cal_in_use.py",
        "tests/calendar/test_cal_fastpath.py",
        "tests/calendar/test_cal_measures.py",
        "tests/calendar/test_cal_checks.py",
        "tests/calendar/test_cal_array.py",
        "tests/test_calendar_pins.py",
    ),
    # the counting engine (working days, pauses, periods, explanations) and the rules
    # that call it
    "src/opengov/_engine.py": (
        "tests/test_deadlines.py",
        "tests/test_applications.py",
        "tests/test_engine_pins.py",
        "tests/test_engine.py",
    ),
    "src/opengov/deadlines.py": (
        "tests/test_deadlines.py",
        "tests/test_applications.py",
        "tests/test_engine_pins.py",
    ),
    "src/opengov/remedies.py": (
        "tests/test_no_reply.py",
        "tests/test_not_informed.py",
        "tests/test_deadlines.py",
        "tests/test_remedies_pins.py",
    ),
    "src/opengov/fees.py": (
        "tests/test_fees.py",
        "tests/test_fees_pins.py",
    ),
    "src/opengov/applications.py": (
        "tests/test_applications.py",
        "tests/test_application_events.py",
        "tests/test_no_reply.py",
        "tests/test_not_informed.py",
        "tests/test_engine_pins.py",
        "tests/test_fees_pins.py",
        "tests/test_applications_pins.py",
    ),
    "src/opengov/reports/checks.py": (
        "tests/reports/test_report_checks.py",
        "tests/reports/test_report_checks_pins.py",
    ),
}

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutants"
# mutmut's exit codes (mutmut.stats.status_by_exit_code, mutmut 3.x).
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests"}
STATUS.update({34: "skipped", 36: "timeout", 37: "type check", 24: "timeout", -24: "timeout"})
STATUS.update({152: "timeout", 255: "timeout", -9: "segfault", -11: "segfault"})


@dataclass
class Result:
    """Verdicts for one module."""

    module: str
    tests: tuple[str, ...]
    seconds: float
    status: dict[str, str] = field(default_factory=dict)
    message_only: set[str] = field(default_factory=set)
    diffs: dict[str, str] = field(default_factory=dict)
    rerun: int = 0  # survivors of an earlier run re-tested (0: a full run)

    def count(self, *, behaviour: bool | None = None, killed: bool = False) -> int:
        """Mutants (behaviour-changing only, message-only only, or all), killed or all."""
        n = 0
        for name, status in self.status.items():
            if status == "not checked":  # outside the subset run
                continue
            if behaviour is not None and (name not in self.message_only) != behaviour:
                continue
            if killed and status not in ("killed", "timeout"):
                continue
            n += 1
        return n


def slug(module: str) -> str:
    """``src/opengov/calendar/_core.py`` -> ``calendar._core``."""
    return module.removeprefix("src/opengov/").removesuffix(".py").replace("/", ".")


def mutmut_table(module: str, tests: tuple[str, ...]) -> str:
    """The project's ``[tool.mutmut]`` table narrowed to one module and its tests."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    m = re.search(r"^\[tool\.mutmut\]\n(.*?)(?=^\[|\Z)", text, flags=re.M | re.S)
    base = m.group(1).strip() if m else ""
    rest = text if m is None else text[: m.start()] + text[m.end() :]
    own = f"only_mutate = {json.dumps([module])}\n"
    own += f"pytest_add_cli_args_test_selection = {json.dumps(list(tests))}\n"
    return f"{rest.rstrip()}\n\n[tool.mutmut]\n{base}\n{own}"


def lay_out(work: Path, module: str, tests: tuple[str, ...]) -> None:
    """A fresh scratch copy of the project for one module."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    shutil.copytree(ROOT / "src", work / "src", ignore=skip)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=skip)
    shutil.copy2(ROOT / "conftest.py", work / "conftest.py")
    (work / "pyproject.toml").write_text(mutmut_table(module, tests), encoding="utf-8")


# -- reading the verdicts back ----------------------------------------------------------


class _StripErrorText(ast.NodeTransformer):
    """Blank the arguments of every call to a name ending in ``Error`` (an error's text)."""

    def visit_Call(self, node: ast.Call) -> ast.AST:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name.endswith("Error"):
            return ast.Call(func=func, args=[], keywords=[])
        return self.generic_visit(node)


def _functions(path: Path) -> tuple[str, dict[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    return text, {
        n.name: n
        for n in ast.walk(tree)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and "__mutmut_" in n.name
    }


def classify(result: Result, mutated: Path) -> None:
    """Fill ``message_only`` and ``diffs`` from the mutated module mutmut wrote."""
    text, funcs = _functions(mutated)
    lines = text.splitlines()
    for key in result.status:
        name = key.rpartition(".")[2]
        orig = funcs.get(name.partition("__mutmut_")[0] + "__mutmut_orig")
        mutant = funcs.get(name)
        if orig is None or mutant is None:
            continue
        a, b = orig.name, mutant.name
        orig.name = mutant.name = "f"
        stripped = [ast.dump(_StripErrorText().visit(_copy(f))) for f in (orig, mutant)]
        orig.name, mutant.name = a, b
        if stripped[0] == stripped[1]:
            result.message_only.add(key)
        before, after = (
            [lines[f.lineno - 1].replace(f.name, "f", 1), *lines[f.lineno : f.end_lineno]]
            for f in (orig, mutant)
        )
        diff = difflib.unified_diff(before, after, lineterm="", n=1)
        result.diffs[key] = "\n".join(list(diff)[2:])


def _copy(node: ast.AST) -> ast.AST:
    return ast.parse(ast.unparse(node)).body[0]


def read_results(result: Result, work: Path) -> None:
    """Verdicts from mutmut's meta file, then the message-only sort."""
    rel = Path(result.module)
    meta = work / "mutants" / rel.with_name(rel.name + ".meta")
    data = json.loads(meta.read_text(encoding="utf-8"))
    for key, code in data["exit_code_by_key"].items():
        result.status[key] = "not checked" if code is None else STATUS.get(code, "suspicious")
    classify(result, work / "mutants" / rel)


# -- running ----------------------------------------------------------------------------


def run_module(
    module: str, tests: tuple[str, ...], children: int, earlier: dict[str, str] | None = None
) -> Result:
    """Lay out, run mutmut, read back one module.

    With ``earlier`` (the verdicts of a previous run of the same source), only its
    surviving mutants are run again; its killed ones stay killed, which holds as long
    as the tests were only added to or made stricter since.
    """
    present = tuple(t for t in tests if (ROOT / t).is_file())
    for t in tests:
        if t not in present:
            print(f"  note: {t} does not exist, skipped")
    work = WORK / slug(module)
    lay_out(work, module, present)
    exe = Path(sys.executable).with_name("mutmut")
    cmd = [str(exe) if exe.exists() else "mutmut", "run", "--max-children", str(children)]
    again = sorted(
        k for k, s in (earlier or {}).items() if s not in ("killed", "timeout", "not checked")
    )
    cmd += again
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    print(f"{module}: mutmut run on {len(present)} test files (log: {work / 'mutmut.log'})")
    start = time.monotonic()
    with (work / "mutmut.log").open("w", encoding="utf-8") as log:
        proc = subprocess.run(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    result = Result(module, present, time.monotonic() - start, rerun=len(again))
    if proc.returncode != 0:
        print(f"  mutmut failed with status {proc.returncode}; see {work / 'mutmut.log'}")
        return result
    read_results(result, work)
    if earlier:
        for key, status in result.status.items():
            if status == "not checked" and key in earlier:
                result.status[key] = earlier[key]
    done = ("killed", "timeout", "not checked")
    survivors = [k for k, s in result.status.items() if s not in done]
    with (work / "survivors.txt").open("w", encoding="utf-8") as out:
        for key in survivors:
            kind = "message-only" if key in result.message_only else "behaviour"
            out.write(f"## {key}: {result.status[key]} ({kind})\n{result.diffs.get(key, '')}\n\n")
    return result


def score(killed: int, total: int) -> str:
    return f"{killed}/{total} ({100 * killed / total:.1f}%)" if total else "0/0"


def summarise(results: list[Result]) -> str:
    """The Markdown summary table."""
    import importlib.metadata

    version = importlib.metadata.version("mutmut")
    lines = [
        f"Mutation testing, mutmut {version}, one worker; killed / total (timeouts count as killed).",
        "",
        "| module | test files | all mutants | behaviour-changing | message-only | time | run |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r.module} | {len(r.tests)} | {score(r.count(killed=True), r.count())} "
            f"| {score(r.count(behaviour=True, killed=True), r.count(behaviour=True))} "
            f"| {score(r.count(behaviour=False, killed=True), r.count(behaviour=False))} "
            f"| {r.seconds / 60:.0f} min "
            f"| {f'{r.rerun} survivors re-run' if r.rerun else 'full'} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "modules", nargs="*", help="substrings of the modules to run (default: all)"
    )
    parser.add_argument("--max-children", type=int, default=1, help="mutmut workers (default 1)")
    parser.add_argument("--list", action="store_true", help="print the table and stop")
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="re-run only the mutants that survived the last run (read from mutants/summary.json)",
    )
    args = parser.parse_args(argv)
    chosen = {
        m: t for m, t in MODULES.items() if not args.modules or any(s in m for s in args.modules)
    }
    if not chosen:
        parser.error(f"no module matches {args.modules}; known: {', '.join(MODULES)}")
    if args.list:
        for m, t in chosen.items():
            print(m, *t, sep="\n  ")
        return 0
    summary_json = WORK / "summary.json"
    previous: dict[str, dict[str, object]] = {}
    if summary_json.exists():
        previous = {e["module"]: e for e in json.loads(summary_json.read_text(encoding="utf-8"))}
    results = []
    for module, tests in chosen.items():
        earlier = None
        if args.survivors:
            if module not in previous:
                parser.error(f"no earlier run of {module} in {summary_json}")
            earlier = previous[module]["status"]
        r = run_module(module, tests, args.max_children, earlier)  # type: ignore[arg-type]
        results.append(r)
        if r.status:
            print(
                f"  all {score(r.count(killed=True), r.count())}; behaviour-changing "
                f"{score(r.count(behaviour=True, killed=True), r.count(behaviour=True))}; "
                f"{r.seconds / 60:.1f} min"
            )
    WORK.mkdir(exist_ok=True)
    for r in results:
        if r.status:
            previous[r.module] = {
                "module": r.module,
                "tests": list(r.tests),
                "seconds": round(r.seconds),
                "rerun": r.rerun,
                "status": r.status,
                "message_only": sorted(r.message_only),
            }
    summary_json.write_text(json.dumps(list(previous.values()), indent=1), encoding="utf-8")
    everything = [
        Result(
            str(e["module"]),
            tuple(e["tests"]),  # type: ignore[arg-type]
            float(e["seconds"]),  # type: ignore[arg-type]
            dict(e["status"]),  # type: ignore[call-overload]
            set(e["message_only"]),  # type: ignore[call-overload]
            rerun=int(e.get("rerun", 0)),  # type: ignore[call-overload]
        )
        for e in previous.values()
    ]
    summary = summarise(everything)
    (WORK / "summary.md").write_text(summary, encoding="utf-8")
    print(summary)
    return 0 if all(r.status for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
