"""scripts/drill_metrics.py: the drill report's section of what the functions measured."""
import json
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import drill_metrics  # noqa: E402


def line(region, role, stamp, **values):
    return {"_aws": {"Timestamp": stamp, "CloudWatchMetrics": [{"Namespace": "Bookstore",
            "Dimensions": [["Region", "Role"]], "Metrics": [{"Name": name, "Unit": "Count"} for name in values]}]},
            "Region": region, "Role": role, **values}


class DrillMetricsTest(unittest.TestCase):
    LINES = [line("eu-west-1", "primary", 1_000, OrdersPlaced=1.0),
             line("eu-west-1", "primary", 2_000, OrdersPlaced=1.0),
             line("ap-southeast-1", "secondary", 5_000, OrdersPlaced=1.0),
             line("ap-southeast-1", "secondary", 6_000, StreamRecordAge=1500.0),
             line("ap-southeast-1", "secondary", 7_000, StreamRecordAge=500.0),
             line("ap-southeast-1", "secondary", 8_000, StreamRecordAge=900.0),
             line("eu-west-1", "primary", 9_000, BestSellerDuplicatesSkipped=1.0),
             line("eu-west-1", "primary", 11_000, RedisFallbacks=1.0)]

    def test_orders_per_second_and_stream_age_per_region(self):
        summary = drill_metrics.summarise(self.LINES)

        self.assertEqual(10.0, summary["windowSeconds"])
        primary, secondary = summary["byRegion"]["eu-west-1"], summary["byRegion"]["ap-southeast-1"]
        self.assertEqual((2, 0.2, 1, 1), (primary["ordersPlaced"], primary["ordersPerSecond"],
                                          primary["duplicatesSkipped"], primary["redisFallbacks"]))
        self.assertEqual((1, 0.1), (secondary["ordersPlaced"], secondary["ordersPerSecond"]))
        self.assertEqual((900.0, 1500.0), (secondary["streamAgeMedianMs"], secondary["streamAgeMaxMs"]))
        self.assertIsNone(primary["streamAgeMaxMs"])

    def test_the_report_gains_the_section_once_and_the_json_its_figures(self):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder)
            (out / "report.json").write_text(json.dumps({"passed": True}))
            (out / "report.md").write_text("# Failover drill\n\nbody\n")
            metrics = out / "metrics.jsonl"
            metrics.write_text("\n".join(json.dumps(l) for l in self.LINES) + "\nnot json\n")

            self.assertEqual(0, drill_metrics.main(["--metrics", str(metrics), "--out", str(out)]))
            self.assertEqual(0, drill_metrics.main(["--metrics", str(metrics), "--out", str(out)]))

            text = (out / "report.md").read_text()
            self.assertEqual(1, text.count(drill_metrics.SECTION))
            self.assertIn("| ap-southeast-1 | secondary | 1 | 0.10 | 0.9 s / 1.5 s | 0 | 0 |", text)
            self.assertTrue(text.startswith("# Failover drill\n\nbody\n"))
            report = json.loads((out / "report.json").read_text())
            self.assertTrue(report["passed"])
            self.assertEqual(2, report["telemetry"]["byRegion"]["eu-west-1"]["ordersPlaced"])

    def test_a_missing_metrics_file_fails(self):
        with tempfile.TemporaryDirectory() as folder:
            self.assertEqual(1, drill_metrics.main(["--metrics", str(Path(folder) / "none"), "--out", folder]))


if __name__ == "__main__":
    unittest.main()
