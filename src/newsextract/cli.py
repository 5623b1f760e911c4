"""The ``newsextract`` command: extract, download, info, evaluate.

Exit codes: 0 ok; 1 some input could not be read or decoded; 2 usage error;
3 the model is not installed or cannot be loaded; 4 download failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from newsextract import errors

EXIT_INPUT, EXIT_USAGE, EXIT_MODEL, EXIT_DOWNLOAD = 1, 2, 3, 4


def _parser() -> argparse.ArgumentParser:
    from newsextract import __version__

    p = argparse.ArgumentParser(prog="newsextract", description="Structured records from Chinese government news.")
    p.add_argument("--version", action="version", version=f"newsextract {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract records from text files ('-' reads standard input)")
    ex.add_argument("files", nargs="+", help="UTF-8 text files, or - for standard input")
    ex.add_argument("--format", choices=("json", "jsonl", "table"), default="table")
    ex.add_argument("--reference-date", help="publication date, YYYY-MM-DD (resolves 5月14日, 昨天)")
    ex.add_argument("--output", "-o", help="write here instead of standard output")
    ex.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")

    dl = sub.add_parser("download", help="fetch, verify and install the pkuseg segmentation model")
    dl.add_argument("--from", dest="source", metavar="PATH", help="a local pkuseg wheel or model directory")
    dl.add_argument("--force", action="store_true", help="reinstall even if installed")

    sub.add_parser("info", help="data directory, installed model, versions, whether it loads")

    ev = sub.add_parser("evaluate", help="score against a gold directory (NAME.txt + NAME.gold.json)")
    ev.add_argument("gold_dir")
    ev.add_argument("--errors", action="store_true", help="list each missed and spurious record")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    ev.add_argument("--predictions", metavar="DIR", help="score NAME.pred.json files (gold shape) instead of running newsextract")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _cmd_extract(args)
        if args.command == "download":
            return _cmd_download(args)
        if args.command == "info":
            return _cmd_info()
        if args.command == "evaluate":
            from newsextract.evaluate import main as evaluate_main

            return evaluate_main(args)
    except (errors.ModelNotInstalledError, errors.ModelLoadError) as e:
        print(f"newsextract: {e}", file=sys.stderr)
        return EXIT_MODEL
    except (errors.DownloadError, errors.ChecksumMismatchError, errors.ModelSourceError) as e:
        print(f"newsextract: {e}", file=sys.stderr)
        return EXIT_DOWNLOAD
    except errors.ReferenceDateError as e:
        print(f"newsextract: {e}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8")


def _cmd_extract(args: argparse.Namespace) -> int:
    from newsextract.pipeline import coerce_reference_date, extract, load

    ref = coerce_reference_date(args.reference_date)
    load()  # fail early, before reading files, if the model is missing
    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    status = 0
    results: list[dict[str, Any]] = []
    show = not args.no_progress and len(args.files) > 1 and sys.stderr.isatty()
    t0 = time.perf_counter()
    try:
        for i, name in enumerate(args.files, 1):
            if show:
                _progress(i - 1, len(args.files), t0)
            try:
                text = _read(name)
            except (OSError, UnicodeDecodeError) as e:
                print(f"newsextract: cannot read {name}: {e} (give a UTF-8 text file)", file=sys.stderr)
                status = EXIT_INPUT
                continue
            doc = extract(text, reference_date=ref)
            if args.format == "table":
                out.write(format_table(doc, name if len(args.files) > 1 else None))
            elif args.format == "jsonl":
                out.write(json.dumps({"file": name, **doc.to_dict()}, ensure_ascii=False) + "\n")
            else:
                results.append({"file": name, **doc.to_dict()})
        if show:
            _progress(len(args.files), len(args.files), t0)
            print(file=sys.stderr)
        if args.format == "json":
            payload: Any = results[0] if len(results) == 1 else results
            out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return status


def _progress(done: int, total: int, t0: float) -> None:
    width = 30
    filled = width * done // max(total, 1)
    rate = done / max(time.perf_counter() - t0, 1e-9)
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files ({rate:.1f}/s)", end="", file=sys.stderr, flush=True)


def format_table(doc: Any, name: str | None = None) -> str:
    """A readable plain-text listing of a Document's records."""
    lines: list[str] = []
    if name:
        lines.append(f"=== {name}")
    for n, art in enumerate(doc.articles, 1):
        lines.append(f"Article {n}: {art.title.text if art.title else '(untitled)'}  [{art.start}:{art.end}]")
        if art.kicker:
            lines.append(f"  kicker: {art.kicker.text}")
        for sub in art.subtitles:
            lines.append(f"  subtitle: {sub.text}")
        credits = [f"{c.role} {c.name}" for c in (*art.byline.reporters, *art.byline.correspondents, *art.byline.photographers)]
        if credits:
            lines.append(f"  byline: {', '.join(credits)}")
        for m in art.meetings:
            date = m.date.iso if m.date and m.date.iso else "-"
            tod = f" {m.date.time_of_day}" if m.date and m.date.time_of_day else ""
            lines.append(f"  meeting: {m.name}  date={date}{tod}")
            if m.chair:
                lines.append(f"    chair: {', '.join(p.name for p in m.chair)}")
            if m.participants:
                lines.append(f"    participants: {', '.join(f'{p.name}({p.role})' for p in m.participants)}")
        for p in art.people:
            titles = "、".join(t.text for t in p.titles)
            lines.append(f"  person: {p.name}" + (f"  {titles}" if titles else ""))
        for i in art.indicators:
            subject = i.subject.text if i.subject else "-"
            extra = "".join(f" {k}={v}" for k, v in (("change", i.change), ("qualifier", i.qualifier)) if v)
            lines.append(f"  indicator: {i.text} = {i.value} {i.unit or ''}  subject={subject}{extra}")
        for g in art.goals:
            lines.append(f"  goal: {g.text}")
    return "\n".join(lines) + "\n"


def _cmd_download(args: argparse.Namespace) -> int:
    from newsextract.model.download import download

    download(args.source, force=args.force)
    return 0


def _cmd_info() -> int:
    import platform

    from newsextract import __version__
    from newsextract.model import data_dir, pipeline_path, read_manifest

    manifest = read_manifest()
    print(f"newsextract {__version__}, Python {platform.python_version()}")
    try:
        import spacy
        import spacy_pkuseg

        print(f"spacy {spacy.__version__}, spacy-pkuseg {getattr(spacy_pkuseg, '__version__', '?')}")
    except ImportError as e:
        print(f"dependency missing: {e}")
    print(f"data dir: {data_dir()}")
    if not manifest:
        print("model: not installed (run `newsextract download`)")
        return EXIT_MODEL
    for key in ("source", "sha256", "installed", "spacy", "licence"):
        print(f"model {key}: {manifest.get(key)}")
    t0 = time.perf_counter()
    try:
        from newsextract.pipeline import load

        nlp = load()
    except errors.NewsextractError as e:
        print(f"loads: no ({e})")
        return EXIT_MODEL
    print(f"loads: yes, in {time.perf_counter() - t0:.1f}s from {pipeline_path()}; components: {', '.join(nlp.pipe_names)}")
    return 0
