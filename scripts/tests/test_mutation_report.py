"""scripts/mutation-report.py: the benchmarks section it writes from PIT's and Stryker's reports."""
import importlib.util
import json
import os
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "mutation-report.py"
spec = importlib.util.spec_from_file_location("mutation_report", SCRIPT)
mutation_report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mutation_report)

REUSED_AT = 1_767_268_800  # 2026-01-01T12:00:00Z
OLD_ROW = "| `ui` | ui/src: logic modules (Stryker) | 121 | 89 | 26 | 6 | 73.6% | >= 70% | yes | 2026-12-05 |"
DOC = f"""# Benchmarks

## Mutation testing

old text

| module | what | mutants | detected | survived | no coverage | score | goal | met | measured |
|---|---|---|---|---|---|---|---|---|---|
| `com.bookstore.api` | lambdas/functions: the API | 3 | 3 | 0 | 0 | 100.0% | >= 80% | yes | 2026-01-01 |
{OLD_ROW}

### Survivors judged equivalent or unobservable

- written by hand

## Next section

kept
"""


def pit(*mutants):
    body = "".join(
        f'<mutation detected="{status == "KILLED"}" status="{status}"><mutatedClass>{cls}</mutatedClass>'
        f"<lineNumber>{line}</lineNumber><description>removed call</description></mutation>"
        for cls, line, status in mutants)
    return f"<?xml version='1.0'?><mutations>{body}</mutations>"


class MutationReportTest(unittest.TestCase):

    def run_report(self, reports, doc_text=DOC, reused=()):
        with tempfile.TemporaryDirectory() as folder:
            doc, out, ui = Path(folder) / "benchmarks.md", Path(folder) / "mutation", Path(folder) / "ui"
            doc.write_text(doc_text)
            out.mkdir()
            for name, content in reports.items():
                (out / name).write_text(content)
                if name in reused:
                    os.utime(out / name, (REUSED_AT, REUSED_AT))
            # A storefront of four logic modules; tests and message catalogues are not mutated.
            for name in ["src/a/cart.ts", "src/a/cart.test.ts", "src/b/session.ts", "src/b/types.ts",
                         "src/c/old.ts", "src/i18n/messages/en.ts"]:
                (ui / name).parent.mkdir(parents=True, exist_ok=True)
                (ui / name).write_text("")
            (ui / "stryker.config.json").write_text(json.dumps(
                {"mutate": ["src/**/*.ts", "!src/**/*.test.ts", "!src/i18n/messages/**"]}))
            mutation_report.main(str(doc), str(out), ui)
            return doc.read_text(), (out / "survivors.md").read_text()

    def row(self, text, module):
        return next(line for line in text.splitlines() if line.startswith(f"| `{module}` |"))

    def test_a_narrowed_run_scores_its_package_and_keeps_every_other_row_and_date(self):
        # Only com.bookstore.api was a target: bestsellers has no mutants in the report, infra and ui no report.
        text, survivors = self.run_report({"functions.xml": pit(
            ("com.bookstore.api.orders.Checkout", 83, "KILLED"),
            ("com.bookstore.api.orders.Checkout", 84, "TIMED_OUT"),
            ("com.bookstore.api.cart.CartTable", 12, "SURVIVED"),
            ("com.bookstore.api.catalogue.CoverArt", 40, "NO_COVERAGE"),
            ("com.bookstore.api.catalogue.CoverArt", 41, "NON_VIABLE"))})

        cells = [cell.strip() for cell in self.row(text, "com.bookstore.api").strip("|").split("|")]
        self.assertEqual(["4", "2", "1", "1", "50.0%", ">= 80%", "no"], cells[2:9])
        self.assertRegex(cells[9], r"^\d{4}-\d{2}-\d{2}$")
        self.assertNotEqual("2026-01-01", cells[9])
        self.assertEqual(OLD_ROW, self.row(text, "ui"))
        self.assertIn("not run", self.row(text, "com.bookstore.bestsellers"))
        self.assertIn("- SURVIVED com.bookstore.api.cart.CartTable:12: removed call", survivors)
        self.assertIn("- NO_COVERAGE com.bookstore.api.catalogue.CoverArt:40", survivors)
        self.assertNotIn("Checkout:83", survivors)

    def test_the_hand_written_subsection_and_the_next_section_survive_the_rewrite(self):
        text, _ = self.run_report({})

        self.assertEqual(1, text.count("## Mutation testing"))
        self.assertNotIn("old text", text)
        self.assertIn("- written by hand", text)
        self.assertTrue(text.rstrip().endswith("## Next section\n\nkept"))
        self.assertEqual(OLD_ROW, self.row(text, "ui"))


    def test_a_storefront_run_of_some_files_adds_up_with_the_files_measured_before(self):
        earlier = DOC.replace(OLD_ROW, OLD_ROW + "\n\n| " + " | ".join(mutation_report.FILE_HEADER) + " |\n"
                              + "|---|---|---|---|---|---|---|---|\n"
                              + "| `src/c/old.ts` | 10 | 7 | 3 | 0 | 70.0% | 2 | 2026-12-05 |\n"
                              + "| `src/a/cart.ts` | 9 | 1 | 8 | 0 | 11.1% | 0 | 2026-12-05 |")

        def mutant(status, line):
            return {"status": status, "mutatorName": "ConditionalExpression", "replacement": "true",
                    "location": {"start": {"line": line}}}

        report = {"files": {"src/a/cart.ts": {"mutants": [mutant("Killed", 3), mutant("Timeout", 4),
                                                          mutant("Survived", 5), mutant("NoCoverage", 6),
                                                          mutant("CompileError", 7), mutant("Ignored", 8)]},
                            "src/b/types.ts": {"mutants": []}}}
        text, survivors = self.run_report({"ui.json": json.dumps(report)}, earlier)

        files = {line.split("|")[1].strip(): [cell.strip() for cell in line.strip().strip("|").split("|")][1:]
                 for line in text.splitlines() if line.startswith("| `src/")}
        self.assertEqual(["4", "2", "1", "1", "50.0%", "1"], files["`src/a/cart.ts`"][:6])  # this run's, not the old row
        self.assertEqual(["10", "7", "3", "0", "70.0%", "2", "2026-12-05"], files["`src/c/old.ts`"])
        self.assertEqual(["0", "0", "0", "0", "nothing to mutate", "0"], files["`src/b/types.ts`"][:6])
        self.assertEqual("not run", files["`src/b/session.ts`"][0])
        self.assertEqual({"`src/a/cart.ts`", "`src/b/types.ts`", "`src/b/session.ts`", "`src/c/old.ts`"}, set(files))

        cells = [cell.strip() for cell in self.row(text, "ui").strip("|").split("|")]
        self.assertEqual("ui/src: 3 of 4 logic modules (Stryker, per file below; 3 static mutants not run)", cells[1])
        self.assertEqual(["14", "9", "4", "1", "64.3%", ">= 70%", "no"], cells[2:9])
        self.assertRegex(cells[9], r"^2026-12-05 to \d{4}-\d{2}-\d{2}$")
        self.assertIn("- Survived src/a/cart.ts:5: ConditionalExpression: true", survivors)
        self.assertIn("- NoCoverage src/a/cart.ts:6", survivors)
        self.assertNotIn("cart.ts:3", survivors)

        again, _ = self.run_report({}, text)  # a later run of other modules keeps every storefront row
        self.assertEqual(self.row(text, "ui"), self.row(again, "ui"))
        self.assertIn("| `src/c/old.ts` | 10 | 7 | 3 | 0 | 70.0% | 2 | 2026-12-05 |", again)


    def test_a_report_reused_from_an_earlier_run_keeps_the_day_it_was_written(self):
        text, _ = self.run_report({"infra.xml": pit(("com.bookstore.infra.policy.RequiredTags", 5, "KILLED"))},
                                  reused={"infra.xml"})
        self.assertTrue(self.row(text, "com.bookstore.infra.policy").endswith("| 2026-01-01 |"))


if __name__ == "__main__":
    unittest.main()
