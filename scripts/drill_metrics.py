#!/usr/bin/env python3
"""Adds what the functions measured during a drill to its report: orders per second and the best sellers'
stream age per region, from the embedded-metric lines both local regions wrote (METRICS_FILE, one JSON object
per value, docs/observability.md). Appends a section to report.md and a "telemetry" object to report.json.
Only the standard library: it runs where the drill runs.
"""
import argparse
import json
import sys
from pathlib import Path

SECTION = "## What the functions measured"


def summarise(lines):
    """Per region: orders placed, orders per second over the drill's metric window, stream age, duplicates."""
    regions = {}
    first = last = None
    for line in lines:
        aws = line.get("_aws", {})
        stamp = aws.get("Timestamp")
        if stamp is None or "Region" not in line:
            continue
        first = stamp if first is None else min(first, stamp)
        last = stamp if last is None else max(last, stamp)
        region = regions.setdefault(line["Region"], {"role": line.get("Role"), "ordersPlaced": 0, "streamAgesMs": [],
                                                    "duplicatesSkipped": 0, "redisFallbacks": 0})
        region["ordersPlaced"] += int(line.get("OrdersPlaced", 0))
        region["duplicatesSkipped"] += int(line.get("BestSellerDuplicatesSkipped", 0))
        region["redisFallbacks"] += int(line.get("RedisFallbacks", 0))
        if "StreamRecordAge" in line:
            region["streamAgesMs"].append(float(line["StreamRecordAge"]))
    window = (last - first) / 1000 if first is not None and last > first else None
    summary = {"windowSeconds": window, "byRegion": {}}
    for name, region in sorted(regions.items()):
        ages = sorted(region.pop("streamAgesMs"))
        region["ordersPerSecond"] = round(region["ordersPlaced"] / window, 2) if window else None
        region["streamAgeMaxMs"] = ages[-1] if ages else None
        region["streamAgeMedianMs"] = ages[len(ages) // 2] if ages else None
        summary["byRegion"][name] = region
    return summary


def markdown(summary):
    rows = [SECTION, "",
            "From the embedded-metric lines both regions' functions wrote (`OrdersPlaced`, `StreamRecordAge`, "
            "docs/observability.md), over %s." % (f"{summary['windowSeconds']:.0f} s" if summary["windowSeconds"]
                                                  else "no measurable window"),
            "", "| region | role | orders placed | orders per second | stream age, median / max | duplicates skipped | Redis fallbacks |",
            "|---|---|---|---|---|---|---|"]
    for name, r in summary["byRegion"].items():
        age = "-" if r["streamAgeMaxMs"] is None else f"{r['streamAgeMedianMs'] / 1000:.1f} s / {r['streamAgeMaxMs'] / 1000:.1f} s"
        rate = "-" if r["ordersPerSecond"] is None else f"{r['ordersPerSecond']:.2f}"
        rows.append(f"| {name} | {r['role']} | {r['ordersPlaced']} | {rate} | {age} | {r['duplicatesSkipped']} | {r['redisFallbacks']} |")
    return "\n".join(rows) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--metrics", required=True, type=Path, help="the JSON-lines file of embedded-metric lines")
    parser.add_argument("--out", required=True, type=Path, help="the drill's output folder (report.md, report.json)")
    args = parser.parse_args(argv)
    if not args.metrics.exists():
        print(f"drill_metrics: {args.metrics} does not exist: no metric lines to report", file=sys.stderr)
        return 1
    lines = []
    for number, text in enumerate(args.metrics.read_text().splitlines(), 1):
        if text.strip():
            try:
                lines.append(json.loads(text))
            except json.JSONDecodeError as e:
                print(f"drill_metrics: {args.metrics}:{number} is not JSON ({e}); skipped", file=sys.stderr)
    summary = summarise(lines)
    report_json = args.out / "report.json"
    report = json.loads(report_json.read_text())
    report["telemetry"] = summary
    report_json.write_text(json.dumps(report, indent=2) + "\n")
    report_md = args.out / "report.md"
    text = report_md.read_text()
    if SECTION in text:
        text = text[:text.index(SECTION)].rstrip("\n") + "\n"
    report_md.write_text(text.rstrip("\n") + "\n\n" + markdown(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
