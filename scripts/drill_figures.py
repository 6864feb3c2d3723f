#!/usr/bin/env python3
"""Writes the failover drill's figures from the report.json of each run of scripts/bench-drill.sh.

Rewrites the "## Failover drill" section of docs/benchmarks.md (up to the next "## " heading) and the
block between the drill markers in README.md. Only the standard library: it runs before any venv.
"""
import argparse
import json
import os
import platform
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

README_START = "<!-- drill figures: written by scripts/bench-drill.sh -->"
README_END = "<!-- end of drill figures -->"
SECTION = "## Failover drill"


def seconds(millis):
    return "-" if millis is None else f"{millis / 1000:.1f} s"


def setting_label(report):
    s = report["settings"]
    fault = "fault switch (SSM)" if report["fault"].startswith("fault switch") or "fault-injection" in report["fault"] \
        else "region frozen"
    delay = report.get("replicationDelayMillis")
    delay_text = "no delay" if delay == 0 else f"{delay / 1000:g} s delay" if delay is not None else "delay ?"
    return f"{fault}, {delay_text}, {s['shoppers']} shoppers"


def figures(report):
    """The rows a reader compares across settings, in the order of the table."""
    failover, failback, rpo = report["failover"], report["failback"], report["rpo"]
    final = [report["finalPrimary"], report["finalSecondary"]]
    accounted = all(c and not c["missing"] and not c["unverified"] for c in final)
    missing = "-" if rpo is None else f"{len(rpo['missing'])} of {rpo['checked']}"
    if rpo and rpo["unverified"]:
        missing += f" ({len(rpo['unverified'])} unverified)"
    boards = report["boards"]
    return {
        "RTO (fault to sustained service by the secondary)": seconds(failover and failover["millis"]),
        "failed requests during the switch": "-" if not failover else f"{failover['errors']} of {failover['requests']}",
        "orders the primary acknowledged, missing in the secondary after the switch": missing,
        "RPO (oldest missing order, before the fault)": "-" if rpo is None else seconds(rpo["rpoMillis"]),
        "failback (heal to sustained service by the primary)": seconds(failback and failback["millis"]),
        "every acknowledged order in both regions at the end":
            f"{'yes' if accounted else 'NO'} ({report['ordersAcknowledged']})",
        "best-seller boards converged after traffic stopped":
            seconds(boards["waitedMillis"]) if boards and boards["converged"] else "NO",
        "during the outage, through the secondary: new sign-in and order / token refresh / sign-up refused":
            outage_sign_in(report),
        "every invariant held": "yes" if all(report["invariants"].values()) else "NO: " + ", ".join(
            name for name, held in report["invariants"].items() if not held),
    }


def outage_sign_in(report):
    """Sign-in while the primary is gone (the user pool's replica): "-" for a drill that did not check it."""
    invariants = report["invariants"]
    names = ("newcomerSignedInThroughSecondaryAndOrdered", "signedInShopperRefreshedThroughSecondary",
             "signUpRefusedClearlyDuringOutage")
    if not all(name in invariants for name in names):
        return "-"
    return " / ".join("yes" if invariants[name] else "NO" for name in names)


def machine(load):
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    os_name = platform.platform()
    os_release = Path("/etc/os-release")
    if os_release.exists():
        match = re.search(r'^PRETTY_NAME="?([^"\n]*)', os_release.read_text(), re.M)
        os_name = match.group(1) if match else os_name
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return (f"{os.cpu_count()} CPUs, {cpu}, {mem_kb / 1024 / 1024:.0f} GB RAM, {os_name}, "
            f"{java[0] if java else 'java ?'}; load average {load} at the start")


def table(columns, reports):
    rows = [figures(r) for r in reports]
    lines = ["| measure | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    for measure in rows[0]:
        lines.append(f"| {measure} | " + " | ".join(row[measure] for row in rows) + " |")
    return "\n".join(lines)


def readme_table(reports):
    lines = ["| fault | RTO | failed requests in the switch | acknowledged orders missing after the switch (RPO) "
             "| acknowledged orders lost at the end | failback | sign-in / refresh / sign-up refused during the outage |",
             "|---|---|---|---|---|---|---|"]
    for r in reports:
        f = figures(r)
        lost = sum(len(c["missing"]) for c in (r["finalPrimary"], r["finalSecondary"]) if c)
        lines.append(f"| {setting_label(r)} | {f['RTO (fault to sustained service by the secondary)']} | "
                     f"{f['failed requests during the switch']} | "
                     f"{f['orders the primary acknowledged, missing in the secondary after the switch']} "
                     f"({f['RPO (oldest missing order, before the fault)']}) | "
                     f"{lost} of {r['ordersAcknowledged']} | "
                     f"{f['failback (heal to sustained service by the primary)']} | {outage_sign_in(r)} |")
    return "\n".join(lines)


def replace_section(text, heading, body):
    start = text.index(heading)
    following = text.find("\n## ", start + len(heading))
    end = len(text) if following < 0 else following + 1
    return text[:start] + body.rstrip() + "\n" + ("\n" if following >= 0 else "") + text[end:]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", required=True, type=Path, help="build/bench-drill: one folder per setting")
    parser.add_argument("--load", default="?", help="load average when the benchmark started")
    parser.add_argument("--benchmarks", required=True, type=Path)
    parser.add_argument("--readme", required=True, type=Path)
    args = parser.parse_args()

    names = sorted(p.parent.name for p in args.runs.glob("*/report.json"))
    if not names:
        sys.exit(f"no report.json under {args.runs}: did the drills run?")
    order = ["freeze-1s", "freeze-0s", "freeze-1s-x8", "ssm-1s"]
    names.sort(key=lambda n: order.index(n) if n in order else len(order))
    reports = []
    for name in names:
        report = json.loads((args.runs / name / "report.json").read_text())
        report["replicationDelayMillis"] = replication_delay(args.runs / f"{name}.log")
        reports.append(report)

    # when the drills ran, from the reports themselves (not when these figures were written)
    started = sorted(datetime.fromisoformat(r["startedAt"][:26].rstrip("Z")) for r in reports)
    now = f"{started[0]:%Y-%m-%d %H:%M} to {started[-1]:%H:%M} UTC"
    any_run = reports[0]["settings"]
    section = f"""{SECTION}

Measured by `make bench-drill` (scripts/bench-drill.sh), which runs `scripts/drill.sh` once per setting and
rewrites this section and the README's figures. Two local regions in one moto (through
scripts/moto/atomic_moto_server.py), a redis-server and a local runtime each, the table replicator and the
front door (probes every 1 s, threshold 3); sustain window {any_run.get('sustainSeconds', 3)} s, request
timeout {any_run['requestTimeoutMillis'] / 1000:g} s. Definitions in [failover](failover.md#the-drill).
Each run's report, chart and process logs stay in `build/bench-drill/<setting>/`.

- Date: {now}
- Machine: {machine(args.load)}: a shared 2-core machine, so read the times as upper bounds

{table([setting_label(r) for r in reports], reports)}

Reading the figures: "region frozen" stops the primary's runtime (SIGSTOP) and cuts its replication;
requests that reached it time out until the front door has seen 3 failed probes, which is most of the RTO
and all of the failed requests. With a replication delay the cut keeps the writes of the last delay's
worth before the fault in the primary (they arrive after failback: "missing after the switch", never lost
at the end); with no delay nothing acknowledged is missing. The fault switch makes only the primary's
`/health` answer 503 (the API reads it with a 5 s cache), so the primary keeps answering and replicating
until the front door moves, as on AWS.
"""
    text = args.benchmarks.read_text()
    args.benchmarks.write_text(replace_section(text, SECTION, section) if SECTION in text else text.rstrip() + "\n\n" + section)

    readme = args.readme.read_text()
    if README_START not in readme or README_END not in readme:
        sys.exit(f"{args.readme} has no drill markers ({README_START} ... {README_END})")
    before, rest = readme.split(README_START, 1)
    _, after = rest.split(README_END, 1)
    block = f"{README_START}\nLatest local figures ({now[:10]}; details in [docs/benchmarks.md](docs/benchmarks.md#failover-drill)):\n\n" \
            f"{readme_table(reports)}\n{README_END}"
    args.readme.write_text(before + block + after)


def replication_delay(log):
    """The delay the replicator ran with, from the drill's own log line."""
    match = re.search(r"starting the replicator \(delay (\d+) ms\)", log.read_text()) if log.exists() else None
    return int(match.group(1)) if match else None


if __name__ == "__main__":
    main()
