"""scripts/mutation-report.py: the benchmarks section it writes from PIT's and Stryker's reports."""
import importlib.util
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "mutation-report.py"
spec = importlib.util.spec_from_file_location("mutation_report", SCRIPT)
mutation_report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mutation_report)

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

    def run_report(self, reports):
        with tempfile.TemporaryDirectory() as folder:
            doc, out = Path(folder) / "benchmarks.md", Path(folder) / "mutation"
            doc.write_text(DOC)
            out.mkdir()
            for name, content in reports.items():
                (out / name).write_text(content)
            mutation_report.main(str(doc), str(out))
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


if __name__ == "__main__":
    unittest.main()
