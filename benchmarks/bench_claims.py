"""Benchmark our claims engine against two peer number readers.

Engines, in this order:

* ``ours``: :func:`analysis.extract_claims` (``--ours quantities``: the lower
  layer :func:`analysis.claims.quantities.find_quantities`);
* ``duckling``: Facebook's Duckling (Haskell) through ``pyduckling-native-phihos``,
  dimensions number, amount-of-money, duration and ordinal, locales HE and AR;
* ``ovos``: ``ovos-number-parser``'s ``extract_numbers_he`` / ``extract_numbers_ar``.

Measured, each engine in a fresh child process (``--worker``):

* throughput: UTF-8 bytes of input / wall seconds of the engine's calls, on a
  corpus built by repeating the five seeds (one seed copy per call, as a user
  would feed documents). Duckling is slow, so it reads a smaller sample
  (``--peer-kb``); MB/s is a rate, so the numbers compare. Ours is also timed
  in batch mode on the same corpus (:func:`analysis.claims.extract.extract_claims_batch`,
  ``--batch`` texts per call, one table per call), reported on a row of its own;
  the per-call figure stays the headline one;
* peak memory: ``ru_maxrss`` of the child (tracemalloc cannot see Haskell or
  Rust heaps), and its growth over the child's baseline taken after imports
  and engine set-up. Ours is also run at three corpus sizes to show the peak
  does not grow with the corpus (documents are read one at a time);
* the pass rate on each peer suite (``tests/data/peer-suites/*.jsonl``), with
  the README's rule: a case passes when one
  mention overlaps ``expected.text``'s span in ``input`` and has the expected
  value (relative tolerance 1e-9), value_max and unit; kind ``number`` accepts
  a numeric mention of any kind and unit; ``range`` needs value..value_max.

Peers run from a separate venv (``requirements-bench.txt``)::

    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -r requirements.txt -r requirements-bench.txt
    .venv-bench/bin/python benchmarks/bench_claims.py            # writes benchmarks/results.md

The table goes to stdout and to ``benchmarks/results.md`` (``--out``);
progress goes to stderr.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"
SUITE_DIRS = (ROOT / "tests" / "data" / "peer-suites",)
ENGINES = ("ours", "duckling", "ovos")
#: Engines too slow for the full corpus: they read ``--peer-kb`` instead.
SLOW = {"duckling"}
LANGS = ("he", "ar")
#: Inputs quoted in the report, each read by every engine.
SPOT_CHECKS = (
    ("he", "גרעון שיכול להגיע ל-5 מיליארד דולר"),
    ("ar", "بـ500 مليون دولار"),
    ("he", "95%"),
    ("ar", "ارتفعت بنسبة 95%"),
    ("he", "בין 10 ל20 דולר"),
    ("he", "ההכנסות צמחו ל-3.5 מיליארד דולר"),
    ("ar", "خلال 5 سنوات"),
)
CHILD_TIMEOUT = 900


# --------------------------------------------------------------------------- mentions and matching

@dataclass(frozen=True, slots=True)
class M:
    """One mention an engine returned, in the suites' terms."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str | None
    kind: str
    text: str = ""


_CURRENCY = {"$": "USD", "US$": "USD", "₪": "ILS", "NIS": "ILS", "€": "EUR", "£": "GBP"}
_DURATION = {
    "second": "seconds", "sec": "seconds", "s": "seconds", "minute": "minutes", "min": "minutes",
    "hour": "hours", "h": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years",
}
_PERCENT = {"%", "٪", "pct", "percent", "percentage", "per cent"}


def norm_unit(unit) -> str | None:
    """Unit names as the suites write them (ISO 4217, ``percent``, plural time units)."""
    if unit is None or (isinstance(unit, float) and math.isnan(unit)):
        return None
    u = str(unit).strip()
    if not u:
        return None
    if u.lower() in _PERCENT:
        return "percent"
    if u in _CURRENCY:
        return _CURRENCY[u]
    if u.lower() in _DURATION:
        return _DURATION[u.lower()]
    if u.lower() in _DURATION.values():
        return u.lower()
    return u.upper() if len(u) == 3 and u.isalpha() and u.isascii() else u


def _num(v) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def expected_span(case: dict) -> tuple[int, int]:
    """Where ``expected.text`` sits in ``input`` (the whole input if absent)."""
    text, exp = case["input"], case["expected"].get("text")
    i = text.find(exp) if exp else -1
    return (i, i + len(exp)) if i >= 0 else (0, len(text))


def matches(m: M, case: dict) -> bool:
    """The README's rule for one mention against one case."""
    exp = case["expected"]
    a, b = expected_span(case)
    if not (m.start < b and a < m.end):
        return False
    vmax = None if m.value_max is not None and _close(m.value_max, m.value) else m.value_max
    if not _close(m.value, _num(exp["value"])):
        return False
    if exp["kind"] in ("number", "range"):
        return _close(vmax, _num(exp.get("value_max")))
    return _close(vmax, _num(exp.get("value_max"))) and norm_unit(m.unit) == norm_unit(exp.get("unit"))


# --------------------------------------------------------------------------- engines

class Unsupported(Exception):
    """The engine has no reader for this language."""


class Engine:
    """``run`` is the call timed for throughput; ``mentions`` feeds the suites."""

    name = ""
    spans = True  # False: the engine gives values without offsets
    note = ""

    def version(self) -> str:
        return ""

    def supports(self, lang: str) -> bool:
        return True

    def run(self, text: str, lang: str):
        raise NotImplementedError

    def mentions(self, text: str, lang: str) -> list[M]:
        raise NotImplementedError


def _pkg_version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def _git_describe() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"
    return (head or "?") + ("+dirty" if dirty else "")


class Ours(Engine):
    name = "ours"

    def __init__(self, mode: str = "claims"):
        self.mode = mode
        if mode == "claims":
            from analysis import extract_claims

            self._claims = extract_claims
            self.note = "analysis.extract_claims"
        else:
            self.note = "analysis.claims.quantities.find_quantities"
        try:
            from analysis.claims.quantities import find_quantities
        except ImportError:  # the suites fall back to extract_claims
            find_quantities = None
        self._find = find_quantities
        if mode != "claims" and find_quantities is None:
            raise ImportError("analysis.claims.quantities.find_quantities is not importable")

    def version(self) -> str:
        return f"git {_git_describe()}"

    def run(self, text, lang):
        if self.mode == "claims":
            return len(self._claims(text, lang))
        return len(self._find(text, lang))

    def run_batch(self, texts: list[str], langs: list[str]) -> int:
        """Batch mode: many texts per call, one table (None when not available)."""
        from analysis.claims.extract import extract_claims_batch

        return len(extract_claims_batch(texts, langs))

    def mentions(self, text, lang):
        if self._find is not None:
            from analysis.claims.numbers import find_numbers

            found = [M(q.start, q.end, _num(q.value), _num(q.value_max), q.unit, q.kind, q.text)
                     for q in self._find(text, lang) if _num(q.value) is not None]
            # the numeral reader too, as tests/test_peer_suites.py reads "number" cases: a fraction of a
            # whole ("نصف العصير") is a share in percent among quantities, 0.5 as a numeral
            return found + [M(n.start, n.end, _num(n.value), _num(n.value_max), None, "number", n.text)
                            for n in find_numbers(text, lang) if _num(n.value) is not None]
        df = self._claims(text, lang)
        return [M(int(r.start), int(r.end), _num(r.value), _num(r.value_max), r.unit or None, r.kind, r.text)
                for r in df.itertuples() if _num(r.value) is not None]


def _unmojibake(s: str | None) -> str | None:
    """pyduckling hands back ``body`` and money units as UTF-8 read as Latin-1 (``£`` → ``Â£``): undo that."""
    if not s:
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return s


class Duckling(Engine):
    name = "duckling"
    note = "dims number, amount-of-money, duration, ordinal; with_latent=False"
    DIMS = ["number", "amount-of-money", "duration", "ordinal"]

    def __init__(self):
        import duckling

        self._d = duckling
        tz = duckling.load_time_zones("/usr/share/zoneinfo")
        ref = duckling.parse_ref_time(tz, "Asia/Jerusalem", 1735689600)  # 2025-01-01, fixed
        self._dims = duckling.parse_dimensions(self.DIMS)
        self._ctx = {}
        for lang in LANGS:
            parsed = duckling.parse_lang(lang.upper())
            if parsed.name == lang.upper():  # parse_lang falls back to EN for an unknown language
                self._ctx[lang] = duckling.Context(ref, duckling.default_locale_lang(parsed))

    def version(self):
        return _pkg_version("pyduckling-native-phihos")

    def supports(self, lang):
        return lang in self._ctx

    def _parse(self, text, lang):
        if lang not in self._ctx:
            raise Unsupported(lang)
        return self._d.parse(text, self._ctx[lang], self._dims, False)

    def run(self, text, lang):
        return len(self._parse(text, lang))

    def mentions(self, text, lang):
        out = []
        for r in self._parse(text, lang):
            s, e, v, dim = r["start"], r["end"], r["value"], r["dim"]
            surface = text[s:e]  # r["body"] comes back as mojibake (UTF-8 read as Latin-1)
            if v.get("type") == "interval":
                lo, hi = v.get("from") or {}, v.get("to") or {}
                value, vmax = _num(lo.get("value")), _num(hi.get("value"))
                unit = lo.get("unit") or hi.get("unit")
                if value is None:  # open interval ("under X"): no lower end to report
                    continue
            else:
                value, vmax, unit = _num(v.get("value")), None, v.get("unit")
            if value is None:
                continue
            kind = {"number": "number", "ordinal": "rank", "amount-of-money": "money", "duration": "duration"}[dim]
            unit = _unmojibake(unit) if kind in ("money", "duration") else None
            out.append(M(s, e, value, vmax, unit, kind, surface))
        return out


class Ovos(Engine):
    name = "ovos"
    spans = False
    note = "extract_numbers_he/_ar; values only, no offsets or units"

    def __init__(self):
        import ovos_number_parser  # noqa: F401
        from ovos_number_parser import numbers_ar, numbers_he

        self._fn = {}
        for lang, mod in (("he", numbers_he), ("ar", numbers_ar)):
            fn = getattr(mod, f"extract_numbers_{lang}", None)
            if fn is not None:
                self._fn[lang] = fn

    def version(self):
        return _pkg_version("ovos-number-parser")

    def supports(self, lang):
        return lang in self._fn

    def run(self, text, lang):
        if lang not in self._fn:
            raise Unsupported(lang)
        return len(self._fn[lang](text))

    def mentions(self, text, lang):
        if lang not in self._fn:
            raise Unsupported(lang)
        # No offsets: every value is placed on the whole input, so the span test is
        # always met (lenient); with no unit it can only pass number cases.
        return [M(0, len(text), _num(v), None, None, "number", "") for v in self._fn[lang](text) if _num(v) is not None]


def make_engine(name: str, ours_mode: str) -> Engine:
    if name == "ours":
        return Ours(ours_mode)
    if name == "duckling":
        return Duckling()
    if name == "ovos":
        return Ovos()
    raise ValueError(name)


# --------------------------------------------------------------------------- corpus and suites

def seeds() -> list[tuple[str, str, str]]:
    """``(file, lang, text)`` of every seed, by file name."""
    langs = {}
    with open(SEEDS / "SOURCES.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            langs[row["file"]] = row["lang"]
    out = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        lang = langs.get(p.name)
        if lang not in LANGS:
            he = sum("\u05d0" <= c <= "\u05ea" for c in text)
            ar = sum("\u0621" <= c <= "\u064a" for c in text)
            lang = "he" if he >= ar else "ar"
        out.append((p.name, lang, text))
    return out


def documents(target_bytes: int) -> Iterator[tuple[str, str, int]]:
    """Seed copies in a fixed cycle until ``target_bytes`` of UTF-8 have been given."""
    docs = [(lang, text, len(text.encode("utf-8"))) for _, lang, text in seeds()]
    given = 0
    while given < target_bytes:
        for lang, text, n in docs:
            yield lang, text, n
            given += n
            if given >= target_bytes:
                return


def suite_dir(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    for d in SUITE_DIRS:
        if any(d.glob("*.jsonl")):
            return d
    raise SystemExit(f"no peer suites in {' or '.join(map(str, SUITE_DIRS))}")


def load_suites(d: Path) -> dict[str, list[dict]]:
    out = {}
    for p in sorted(d.glob("*.jsonl")):
        with open(p, encoding="utf-8") as f:
            out[p.stem] = [json.loads(line) for line in f if line.strip()]
    return out


# --------------------------------------------------------------------------- child process

def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def worker(args) -> dict:
    t0 = time.perf_counter()
    try:
        engine = make_engine(args.worker, args.ours)
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return {"engine": args.worker, "error": f"{type(exc).__name__}: {exc}"}
    res = {"engine": engine.name, "version": engine.version(), "note": engine.note, "spans": engine.spans,
           "langs": [lang for lang in LANGS if engine.supports(lang)], "setup_s": time.perf_counter() - t0}
    base = _rss_mb()
    res["rss_base_mb"] = base
    if args.task == "throughput":
        per = {lang: [0, 0.0, 0] for lang in LANGS}  # bytes, seconds, calls
        errors: dict[str, int] = {}
        calls = found = 0
        for lang, text, n in documents(args.bytes):
            if not engine.supports(lang):
                continue
            t = time.perf_counter()
            try:
                found += engine.run(text, lang)
            except Exception as exc:  # noqa: BLE001
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            per[lang][1] += time.perf_counter() - t
            per[lang][0] += n
            per[lang][2] += 1
            calls += 1
            if calls % 100 == 0:
                print(f"  {engine.name}: {calls} docs, {sum(p[0] for p in per.values()) / 1e6:.1f} MB",
                      file=sys.stderr, flush=True)
        res.update(per_lang=per, calls=calls, found=found, errors=errors,
                   bytes=sum(p[0] for p in per.values()), seconds=sum(p[1] for p in per.values()))
        if isinstance(engine, Ours) and engine.mode == "claims" and args.batch > 0:
            res["rss_peak_mb"] = _rss_mb()  # the per-call peak: the batch run is not part of it
            res["batch"] = batch_throughput(engine, args.bytes, args.batch)
    else:
        suites = load_suites(Path(args.suites))
        out, failures = {}, []
        for name, cases in suites.items():
            passed = errors = 0
            unsupported = 0
            for case in cases:
                if not engine.supports(case["lang"]):
                    unsupported += 1
                    continue
                try:
                    ms = engine.mentions(case["input"], case["lang"])
                except Exception as exc:  # noqa: BLE001
                    errors += 1
                    failures.append({"suite": name, "input": case["input"], "error": f"{type(exc).__name__}: {exc}"})
                    continue
                if any(matches(m, case) for m in ms):
                    passed += 1
                else:
                    failures.append({"suite": name, "input": case["input"], "expected": case["expected"],
                                     "got": [[m.start, m.end, m.value, m.value_max, m.unit, m.kind] for m in ms]})
            out[name] = {"passed": passed, "total": len(cases), "errors": errors, "unsupported": unsupported}
        spots = []
        for lang, text in SPOT_CHECKS:
            try:
                spots.append(describe(engine, text, lang))
            except Exception as exc:  # noqa: BLE001
                spots.append(f"error: {type(exc).__name__}")
        res.update(suites=out, failures=failures, spots=spots)
    res.setdefault("rss_peak_mb", _rss_mb())
    res["wall_s"] = time.perf_counter() - t0
    return res


def batch_throughput(engine: Ours, nbytes: int, size: int) -> dict:
    """Ours in batch mode on the same corpus: ``size`` documents per call."""
    docs = list(documents(nbytes))
    found = calls = 0
    seconds = 0.0
    for i in range(0, len(docs), size):
        chunk = docs[i:i + size]
        t = time.perf_counter()
        found += engine.run_batch([text for _, text, _ in chunk], [lang for lang, _, _ in chunk])
        seconds += time.perf_counter() - t
        calls += 1
    return {"bytes": sum(n for _, _, n in docs), "seconds": seconds, "calls": calls, "docs": len(docs),
            "found": found, "size": size}


def describe(engine: Engine, text: str, lang: str) -> str:
    parts = []
    for m in sorted(engine.mentions(text, lang), key=lambda m: (m.start, m.end, m.kind)):
        v = _fmt(m.value) + (f"..{_fmt(m.value_max)}" if m.value_max is not None else "")
        unit = f" {m.unit}" if m.unit else ""
        if m.unit and norm_unit(m.unit) != m.unit:
            unit += f" (={norm_unit(m.unit)})"
        where = f"`{m.text or text[m.start:m.end]}`→" if engine.spans else ""
        parts.append(f"{where}{v}{unit} ({m.kind})")
    return "; ".join(parts) or "(nothing)"


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() and abs(v) < 1e15 else f"{v:,.10g}"


def run_child(engine: str, task: str, args, nbytes: int = 0) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", engine, "--task", task, "--ours", args.ours,
           "--bytes", str(nbytes), "--suites", str(args.suites), "--batch", str(args.batch)]
    label = f"{engine} {task}" + (f" {nbytes / 1e6:.2f} MB" if task == "throughput" else "")
    print(f"[bench] {label} …", file=sys.stderr, flush=True)
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"engine": engine, "error": f"timed out after {CHILD_TIMEOUT} s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        return {"engine": engine, "error": f"child exited with code {proc.returncode} (crash)"}
    res = json.loads(lines[-1][len("RESULT "):])
    print(f"[bench] {label} done in {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
    return res


# --------------------------------------------------------------------------- report

def _mb(x: float) -> str:
    return f"{x:.1f}"


def _rate(r: dict) -> str:
    return f"{r['bytes'] / r['seconds'] / 1e6:.3f}" if r.get("seconds") else "–"


def report(args, thr: dict, mem: list[tuple[float, dict]], suites: dict, names: list[str], wall: float,
           suite_path: Path, counts: dict[str, int]) -> str:
    lines = ["# Claims engine vs. peer number readers", ""]
    ver = {e: (thr[e].get("version") or suites[e].get("version") or "") for e in ENGINES}
    lines.append(f"- Python {platform.python_version()} ({platform.python_implementation()}), "
                 f"{platform.platform()}, {os.cpu_count()} CPUs")
    lines.append(f"- ours ({ver['ours'] or 'not importable'}): throughput through "
                 f"`{'analysis.extract_claims' if args.ours == 'claims' else 'analysis.claims.quantities.find_quantities'}`; "
                 f"suites through `find_quantities` when importable, else `extract_claims`")
    lines.append(f"- duckling: pyduckling-native-phihos {ver['duckling'] or '(not importable)'} "
                 f"(dims {', '.join(Duckling.DIMS)}; locales HE_XX, AR_XX)")
    lines.append(f"- ovos: ovos-number-parser {ver['ovos'] or '(not importable)'} (`extract_numbers_he`, `extract_numbers_ar`)")
    seed_bytes = sum(len(t.encode("utf-8")) for _, _, t in seeds())
    lines.append(f"- corpus: the {len(seeds())} seeds ({seed_bytes:,} bytes UTF-8) repeated, one seed copy per call; "
                 f"ours and ovos read {args.mb:g} MB, duckling {args.peer_kb:g} KB")
    lines.append(f"- suites: `{Path(suite_path).resolve().relative_to(ROOT) if Path(suite_path).resolve().is_relative_to(ROOT) else suite_path}` ({sum(counts.values())} cases); run took {wall:.0f} s")
    lines.append("")

    head = ["engine", "MB/s", "read (MB)", "peak RSS (MB)", "Δ RSS (MB)"] + [f"{n} ({counts[n]})" for n in names] + [
        "overall", "errors"]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
    for e in ENGINES:
        t, s = thr[e], suites[e]
        row = [e if e != "ours" else f"ours ({'extract_claims' if args.ours == 'claims' else 'find_quantities'})"]
        if "error" in t:
            row += ["–", "–", "–", "–"]
        else:
            row += [_rate(t), f"{t['bytes'] / 1e6:.2f}", _mb(t["rss_peak_mb"]), _mb(t["rss_peak_mb"] - t["rss_base_mb"])]
        tot_p = tot_n = errs = 0
        for n in names:
            if "error" in s:
                row.append("–")
                continue
            c = s["suites"][n]
            if c["unsupported"] == c["total"]:
                row.append("n/a (lang unsupported)")
                continue
            tot_p += c["passed"]
            tot_n += c["total"]
            errs += c["errors"]
            row.append(f"{c['passed']}/{c['total']} ({100 * c['passed'] / c['total']:.0f}%)")
        row.append(f"{tot_p}/{tot_n} ({100 * tot_p / tot_n:.1f}%)" if tot_n else "–")
        run_errs = sum(t.get("errors", {}).values()) if "error" not in t else 0
        err_txt = []
        if "error" in t:
            err_txt.append(f"throughput: {t['error']}")
        elif run_errs:
            err_txt.append("corpus: " + ", ".join(f"{k}×{v}" for k, v in sorted(t["errors"].items())))
        if "error" in s:
            err_txt.append(f"suites: {s['error']}")
        elif errs:
            err_txt.append(f"suites: {errs} calls raised")
        row.append("; ".join(err_txt) or "0")
        lines.append("| " + " | ".join(row) + " |")
        b = t.get("batch") if "error" not in t else None
        if e == "ours" and b:
            lines.append("| " + " | ".join([f"ours (extract_claims_batch, {b['size']} texts/call)", _rate(b),
                                             f"{b['bytes'] / 1e6:.2f}", "–", "–"] + ["–"] * (len(head) - 5)) + " |")
    lines.append("")
    lines.append("MB/s = UTF-8 bytes of input / wall seconds inside the engine's calls. Peak RSS = the child's "
                 "`ru_maxrss`; Δ RSS = peak minus the child's RSS after imports and engine set-up. "
                 "Duckling's rate is measured on its smaller sample (a rate, so comparable). "
                 "OVOS returns values without offsets or units: its values are placed on the whole input "
                 "(so the span test is always met, which is lenient), and it cannot pass money, percent, "
                 "duration or range cases. pyduckling returns `body` and money units as UTF-8 read as Latin-1 "
                 "(`£` → `Â£`); the adapter takes the surface from `start`/`end` and repairs the unit. "
                 "The batch row times ours in batch mode on the same corpus (one table per call, the same "
                 "claims); the per-call row is the comparable figure.")
    lines.append("")

    lines.append("## Per language (MB/s)")
    lines.append("")
    lines.append("| engine | he | ar | docs | setup (s) |")
    lines.append("|---|---:|---:|---:|---:|")
    for e in ENGINES:
        t = thr[e]
        if "error" in t:
            lines.append(f"| {e} | – | – | – | – |")
            continue
        cells = []
        for lang in LANGS:
            b, sec, _ = t["per_lang"][lang]
            cells.append(f"{b / sec / 1e6:.3f}" if sec else "n/a")
        lines.append(f"| {e} | {cells[0]} | {cells[1]} | {t['calls']} | {t['setup_s']:.1f} |")
    lines.append("")

    lines.append("## Memory as the corpus grows (ours, one child per size)")
    lines.append("")
    lines.append("| corpus (MB) | docs | MB/s | peak RSS (MB) | Δ RSS (MB) |")
    lines.append("|---:|---:|---:|---:|---:|")
    for size, r in mem:
        if "error" in r:
            lines.append(f"| {size:g} | – | – | – ({r['error']}) | – |")
        else:
            lines.append(f"| {r['bytes'] / 1e6:.2f} | {r['calls']} | {_rate(r)} | {_mb(r['rss_peak_mb'])} | "
                         f"{_mb(r['rss_peak_mb'] - r['rss_base_mb'])} |")
    lines.append("")

    lines.append("## Spot checks")
    lines.append("")
    lines.append("| input | " + " | ".join(ENGINES) + " |")
    lines.append("|---|" + "---|" * len(ENGINES))
    for i, (_, text) in enumerate(SPOT_CHECKS):
        cells = [(suites[e].get("spots") or ["–"] * len(SPOT_CHECKS))[i] for e in ENGINES]
        lines.append(f"| `{text}` | " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size for ours and ovos (MB; default 5)")
    ap.add_argument("--peer-kb", type=float, default=1000.0, help="sample for slow peers (Duckling) in KB (default 1000)")
    ap.add_argument("--ours", choices=("claims", "quantities"), default="claims",
                    help="time analysis.extract_claims (default) or analysis.claims.quantities.find_quantities")
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset to run")
    ap.add_argument("--suites", default=None, help="folder of peer-suite *.jsonl files")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results.md"),
                    help="where to write the Markdown report ('' = nowhere)")
    ap.add_argument("--show-failures", default="", help="print this engine's failing suite cases to stderr")
    ap.add_argument("--batch", type=int, default=50,
                    help="ours in batch mode too: texts per extract_claims_batch call (0 = per call only; default 50)")
    # child-process mode
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--task", default="throughput", help=argparse.SUPPRESS)
    ap.add_argument("--bytes", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print("RESULT " + json.dumps(worker(args), ensure_ascii=False), flush=True)
        return 0

    t0 = time.perf_counter()
    suite_path = suite_dir(args.suites)
    args.suites = str(suite_path)
    suites_data = load_suites(suite_path)
    names = sorted(suites_data)
    counts = {n: len(c) for n, c in suites_data.items()}
    chosen = [e for e in ENGINES if e in args.engines.split(",")]
    skipped = {"engine": "", "error": "not run (--engines)"}

    mb = int(args.mb * 1e6)
    sizes = [args.mb / 5, args.mb, args.mb * 2]
    thr, mem, suites = {}, [], {}
    for e in ENGINES:
        if e not in chosen:
            thr[e], suites[e] = dict(skipped), dict(skipped)
            continue
        suites[e] = run_child(e, "suites", args)
        if e == "ours":
            for size in sizes:
                r = run_child(e, "throughput", args, int(size * 1e6))
                mem.append((size, r))
                if size == args.mb:
                    thr[e] = r
        else:
            thr[e] = run_child(e, "throughput", args, int(args.peer_kb * 1e3) if e in SLOW else mb)
        if args.show_failures == e and "failures" in suites[e]:
            for f in suites[e]["failures"]:
                print(json.dumps(f, ensure_ascii=False), file=sys.stderr)
    text = report(args, thr, mem, suites, names, time.perf_counter() - t0, suite_path, counts)
    print(text)
    b = thr["ours"].get("batch") if "error" not in thr["ours"] else None
    if b:
        print(f"[bench] ours per call {_rate(thr['ours'])} MB/s; batch ({b['size']} texts/call) {_rate(b)} MB/s",
              file=sys.stderr)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"[bench] wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
