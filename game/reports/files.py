"""Writing a student report to disk: a safe file name from what the student typed, inside
the chosen folder whatever it contains (accents stay, slashes and dots do not), an HTML
file and a JSON file with the same content, each written atomically."""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.reports.html import page

MAX_STEM_BYTES = 150  # far below the 255 bytes most file systems allow
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                    *(f"lpt{i}" for i in range(1, 10))}


def safe_part(text: str, fallback: str = "") -> str:
    """*text* as a piece of a file name: letters (accents kept) and digits, everything else
    (slashes, dots, spaces, control characters) turned into single hyphens."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(ch if ch.isalnum() or ch in "_" else "-" for ch in text)
    kept = re.sub(r"-{2,}", "-", kept).strip("-_")
    return kept or fallback


def report_stem(report: dict[str, Any]) -> str:
    """“Zoé-Martin_2nde-B_deepfake-summit_2026-03-14”, at most ``MAX_STEM_BYTES`` bytes."""
    player = report.get("player", {})
    date = str(report.get("generated", ""))[:10]
    parts = [safe_part(str(player.get("name", "")), "student"),
             safe_part(str(player.get("class", ""))),
             safe_part(str(report.get("scenario", {}).get("id", ""))), safe_part(date)]
    stem = "_".join(p for p in parts if p)
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    if stem.split("_")[0].lower() in WINDOWS_RESERVED:
        stem = "report_" + stem
    return stem.rstrip("-_.") or "report"


@dataclass
class ReportFiles:
    html: Path
    json: Path


def free_stem(folder: Path, stem: str) -> str:
    """*stem*, or *stem*-2, -3… so that no earlier report is overwritten."""
    candidate, n = stem, 1
    while (folder / f"{candidate}.html").exists() or (folder / f"{candidate}.json").exists():
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def write_report(report: dict[str, Any], folder: Path) -> ReportFiles:
    """Write the report's HTML and JSON files into *folder* (created if needed); raises
    OSError when the folder cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = free_stem(folder, report_stem(report))
    files = ReportFiles(folder / f"{stem}.html", folder / f"{stem}.json")
    for path in (files.html, files.json):
        if path.resolve().parent != folder.resolve():  # defence in depth: never outside
            raise OSError(f"refusing to write outside {folder}: {path}")
    write_text(files.json, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    write_text(files.html, page(report))
    return files


def write_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".report-", suffix=".tmp")
    try:
        _readable_as_umask_says(fd)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _readable_as_umask_says(fd: int) -> None:
    """mkstemp makes 0600 files; a report is for others to read (a shared class folder),
    so give it the mode ``open()`` would: 0666 less the user's umask."""
    if not hasattr(os, "fchmod"):
        return  # Windows: no POSIX modes
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
