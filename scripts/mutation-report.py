#!/usr/bin/env python3
"""Rewrites the "Mutation testing" section of docs/benchmarks.md from PIT's and Stryker's reports.

Usage: scripts/mutation-report.py docs/benchmarks.md build/mutation
Reads <dir>/<module>.xml (PIT mutations.xml) and <dir>/ui.json (Stryker's mutation-testing-report JSON),
prints one line per module, writes <dir>/survivors.md with every surviving mutant, and replaces the
section between "## Mutation testing" and the next "## " heading (or appends it). A module this run did not
measure (no report, or a narrowed run without its package) keeps the row, and the date, it had in the document,
so a run of one module never erases another's score. The storefront is scored per file as well (a second table,
one row per logic module of ui/stryker.config.json's "mutate" patterns): a Stryker run of some files
(MUTATION_UI_FILES) replaces those rows and keeps the others, and the `ui` row adds up every file measured so far.
"""
import json
import os
import platform
import re
import sys
import xml.etree.ElementTree as ET
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import Path

UI_ROOT = Path(__file__).resolve().parent.parent / "ui"

# Module: (report file, what it covers, goal as a fraction of mutants detected).
MODULES = OrderedDict([
    ("com.bookstore.api", ("functions.xml", "lambdas/functions: the API", 0.80)),
    ("com.bookstore.bestsellers", ("functions.xml", "lambdas/functions: best sellers", 0.80)),
    ("com.bookstore.infra.policy", ("infra.xml", "infra: policy rules", 0.70)),
    ("com.bookstore.infra.plan", ("infra.xml", "infra: plan diff, Markdown, JSON", None)),
    ("ui", ("ui.json", "ui/src: logic modules (Stryker)", 0.70)),
])
# PIT and Stryker statuses that count as the tests noticing the mutant.
DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR", "Killed", "Timeout"}
NOT_COUNTED = {"CompileError", "RuntimeError", "Ignored", "NON_VIABLE"}


def pit_mutants(path, package):
    for m in ET.parse(path).getroot().iter("mutation"):
        cls = m.findtext("mutatedClass")
        if cls == package or cls.startswith(package + "."):
            yield {"status": m.get("status"), "where": "%s:%s" % (cls, m.findtext("lineNumber")),
                   "what": m.findtext("description")}


def stryker_mutants(path):
    report = json.load(open(path))
    for name, file in sorted(report["files"].items()):
        for m in file["mutants"]:
            yield {"status": m["status"], "where": "%s:%s" % (name, m["location"]["start"]["line"]),
                   "what": "%s: %s" % (m["mutatorName"], m.get("replacement", "")), "file": name}


def machine():
    cpus = os.cpu_count()
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
        mem = ", %d GB RAM" % round(kb / 1024 / 1024)
    except (OSError, AttributeError):
        pass
    system = platform.platform()
    try:
        system = re.search(r'PRETTY_NAME="([^"]+)"', open("/etc/os-release").read()).group(1)
    except (OSError, AttributeError):
        pass
    return "%d CPUs, %s%s, %s, shared with other builds (load average %.2f at the end)" % (
        cpus, model or platform.processor(), mem, system, load)


def section_rows(text, columns):
    """The table rows of the document's current section with this many columns, as cells, by their first cell
    (a row of an older layout is not kept)."""
    start = text.find("## Mutation testing")
    rows = {}
    if start < 0:
        return rows
    following = text.find("\n## ", start + 1)
    for line in text[start:following if following >= 0 else len(text)].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == columns:
            rows[cells[0].strip("`")] = cells
    return rows


HEADER = ["module", "what", "mutants", "detected", "survived", "no coverage", "score", "goal", "met", "measured"]
FILE_HEADER = ["storefront file", "mutants", "detected", "survived", "no coverage", "score", "static, not run", "measured"]


def logic_modules(ui_root):
    """The files Stryker mutates when run whole: the "mutate" globs of stryker.config.json, "!" ones taken out."""
    config = Path(ui_root) / "stryker.config.json"
    if not config.exists():
        return []
    chosen, dropped = set(), set()
    for pattern in json.load(open(config))["mutate"]:
        target = dropped if pattern.startswith("!") else chosen
        glob = pattern.lstrip("!") + ("/*" if pattern.endswith("**") else "")  # before 3.13 "**" matches folders only
        target.update(p.relative_to(ui_root).as_posix() for p in Path(ui_root).glob(glob) if p.is_file())
    return sorted(chosen - dropped)


def file_cells(name, everything, measured_on):
    """A file's row: its mutants are the ones run (ignored static mutants are counted apart, compile errors not)."""
    mutants = [m for m in everything if m["status"] not in NOT_COUNTED]
    static = sum(1 for m in everything if m["status"] == "Ignored")
    detected = sum(1 for m in mutants if m["status"] in DETECTED)
    survived = sum(1 for m in mutants if m["status"] == "Survived")
    uncovered = sum(1 for m in mutants if m["status"] == "NoCoverage")
    score = "%.1f%%" % (100 * detected / len(mutants)) if mutants else "nothing to mutate"
    return ["`%s`" % name, str(len(mutants)), str(detected), str(survived), str(uncovered), score, str(static),
            measured_on]


def stryker_files(path):
    """Every file a Stryker run mutated, also those in which it found nothing to mutate (type declarations)."""
    return sorted(json.load(open(path))["files"]) if os.path.exists(path) else []


def ui_rows(mutants, reported, text, ui_root, measured_on):
    """Per-file rows (this run's, then the document's, then "not run") and the totals over measured files;
    no rows at all while no file has been measured."""
    kept = section_rows(text, len(FILE_HEADER))
    measured = OrderedDict((name, []) for name in reported)
    for m in mutants:
        measured.setdefault(m["file"], []).append(m)
    rows = {}
    for name in sorted(set(logic_modules(ui_root)) | set(measured) | set(kept)):
        if name in measured:
            rows[name] = file_cells(name, measured[name], measured_on)
        elif name in kept:
            rows[name] = kept[name]
        else:
            rows[name] = ["`%s`" % name, "not run"] + [""] * (len(FILE_HEADER) - 2)
    counted = [cells for cells in rows.values() if cells[1].isdigit()]
    if not counted:
        return {}, [0, 0, 0, 0, 0], []
    totals = [sum(int(cells[i]) for cells in counted if cells[i].isdigit()) for i in (1, 2, 3, 4, 6)]
    dates = sorted({cells[-1] for cells in counted})
    return rows, totals, dates


def main(doc, reports, ui_root=UI_ROOT):
    text = open(doc).read() if os.path.exists(doc) else ""
    kept = {module: "| " + " | ".join(cells) + " |" for module, cells in section_rows(text, len(HEADER)).items()}
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    rows, survivors, file_rows = [], [], {}
    for module, (file, what, goal) in MODULES.items():
        path = os.path.join(reports, file)
        mutants, measured_on = [], today
        if os.path.exists(path):
            mutants = list(stryker_mutants(path) if file.endswith(".json") else pit_mutants(path, module))
            # A report reused from an earlier run (MUTATION_MODULES) keeps the day it was written.
            measured_on = datetime.fromtimestamp(os.path.getmtime(path), timezone.utc).strftime("%Y-%m-%d")
        counted = [m for m in mutants if m["status"] not in NOT_COUNTED]
        if module == "ui":
            reported = stryker_files(path)
            file_rows, totals, dates = ui_rows(mutants, reported, text, ui_root, measured_on)
            if totals[0]:
                mutants_total, detected, survived, uncovered, static = totals
                score = detected / mutants_total
                measured_files = sum(1 for cells in file_rows.values() if cells[1].isdigit())
                rows.append("| `ui` | ui/src: %d of %d logic modules (Stryker, per file below; %d static mutants not run) | %d | %d | %d | %d | %.1f%% | >= %d%% | %s | %s |" % (
                    measured_files, len(file_rows), static, mutants_total, detected, survived, uncovered, 100 * score,
                    round(100 * goal), "yes" if score >= goal else "no", " to ".join([dates[0], dates[-1]] if len(dates) > 1 else dates)))
                if counted:
                    print("[mutation] %-28s %4d mutants this run, %d of %d files; all measured files: %.1f%%" % (
                        module, len(counted), len(reported), len(file_rows), 100 * score))
                    survivors.append("## %s\n" % module)
                    survivors.extend("- %s %s: %s" % (m["status"], m["where"], m["what"]) for m in counted
                                     if m["status"] in ("Survived", "NoCoverage"))
                    survivors.append("")
                continue
        if not counted:
            rows.append(kept.get(module, "| `%s` | %s | not run | | | | | | | |" % (module, what)))
            continue
        detected = sum(1 for m in counted if m["status"] in DETECTED)
        survived = [m for m in counted if m["status"] in ("SURVIVED", "Survived")]
        uncovered = [m for m in counted if m["status"] in ("NO_COVERAGE", "NoCoverage")]
        score = detected / len(counted) if counted else 0.0
        met = "" if goal is None else ("yes" if score >= goal else "no")
        rows.append("| `%s` | %s | %d | %d | %d | %d | %.1f%% | %s | %s | %s |" % (
            module, what, len(counted), detected, len(survived), len(uncovered), 100 * score,
            "" if goal is None else ">= %d%%" % round(100 * goal), met, measured_on))
        print("[mutation] %-28s %4d mutants, %4d detected, %.1f%%%s" % (
            module, len(counted), detected, 100 * score, "" if goal is None else " (goal %d%%: %s)" % (100 * goal, met)))
        survivors.append("## %s\n" % module)
        survivors.extend("- %s %s: %s" % (m["status"], m["where"], m["what"]) for m in survived + uncovered)
        survivors.append("")
    os.makedirs(reports, exist_ok=True)
    with open(os.path.join(reports, "survivors.md"), "w") as out:
        out.write("# Surviving and uncovered mutants\n\n" + "\n".join(survivors) + "\n")

    section = "\n".join([
        "## Mutation testing",
        "",
        "Measured by `make mutation` (scripts/mutation.sh), which rewrites this section: PIT 1.30.2 with its JUnit 5",
        "plugin over the Lambdas' API and best-seller packages (unit and integration tests on moto and redis-server)",
        "and over the infra policy rules and plan functions; Stryker over the storefront's logic modules, per file, without",
        "its static mutants (module-level values, each of which would rerun every test; counted apart). A mutant is",
        "detected when a test fails (or times out) with it; the score is detected / mutants. The list of survivors",
        "is written to build/mutation/survivors.md; those judged equivalent are listed below the table. A run of",
        "some modules (MUTATION_MODULES, MUTATION_FUNCTIONS_TARGETS, MUTATION_UI_FILES) keeps the other rows and their dates.",
        "",
        "- Last run: %s" % datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "- Machine: %s" % machine(),
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ] + rows + ([
        "",
        "| " + " | ".join(FILE_HEADER) + " |",
        "|" + "---|" * len(FILE_HEADER),
    ] + ["| " + " | ".join(cells) + " |" for cells in file_rows.values()] if file_rows else [])) + "\n"
    start = text.find("## Mutation testing")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        following = text.find("\n## ", start + 1)
        end = following + 1 if following >= 0 else len(text)
        # Subsections people wrote (the mutants judged equivalent) survive the rewrite.
        old = text[start:end]
        written = old[old.index("\n### ") + 1:] if "\n### " in old else ""
        text = text[:start] + section + ("\n" + written.rstrip("\n") + "\n" if written else "") + (
            "\n" if following >= 0 else "") + text[end:]
    open(doc, "w").write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
