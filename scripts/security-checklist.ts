/**
 * `npm run security:checklist`: reads the 50-item table of docs/security.md, checks that every test
 * it names exists (file and title), and — when vitest's JSON reports are in test-results/ (CI writes
 * them, see .ci/run) — says pass or fail per item. Prints the counts; exits 1 when a named test is
 * missing or failed, or the table is malformed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  declaresTest,
  itemOutcome,
  parseChecklist,
  testOutcome,
  type ItemOutcome,
  type VitestReport,
} from '../src/platform/security-checklist';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doc = 'docs/security.md';
const { items, problems } = parseChecklist(fs.readFileSync(path.join(root, doc), 'utf8'));

const reportDir = path.join(root, 'test-results');
const reportFiles = fs.existsSync(reportDir)
  ? fs.readdirSync(reportDir).filter((f) => /^vitest-.*\.json$/.test(f))
  : [];
const reports: VitestReport[] = reportFiles.map(
  (f) => JSON.parse(fs.readFileSync(path.join(reportDir, f), 'utf8')) as VitestReport,
);

const sources = new Map<string, string | null>();
const sourceOf = (file: string) => {
  if (!sources.has(file)) {
    const full = path.join(root, file);
    sources.set(file, fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null);
  }
  return sources.get(file)!;
};

for (const item of items)
  for (const ref of item.tests) {
    const source = sourceOf(ref.file);
    if (source === null) problems.push(`item ${item.number}: no file ${ref.file}`);
    else if (!declaresTest(source, ref.title))
      problems.push(`item ${item.number}: no test “${ref.title}” in ${ref.file}`);
    else if (reports.length && testOutcome(ref, reports) === 'fail')
      problems.push(`item ${item.number}: “${ref.title}” (${ref.file}) failed`);
  }

const counts: Record<ItemOutcome, number> = {
  pass: 0,
  fail: 0,
  'not run': 0,
  'not applicable': 0,
  pending: 0,
};
const mark: Record<ItemOutcome, string> = {
  pass: '✔',
  fail: '✘',
  'not run': '·',
  'not applicable': '–',
  pending: '…',
};
for (const item of items) {
  const outcome = itemOutcome(item, reports);
  counts[outcome]++;
  console.log(`${mark[outcome]} ${String(item.number).padStart(2)} ${outcome.padEnd(14)} ${item.item}`);
}
console.log(
  `\n${doc}: ${items.length} items — ${counts.pass} pass, ${counts.fail} fail, ` +
    `${counts['not applicable']} not applicable, ${counts.pending} pending` +
    (counts['not run'] ? `, ${counts['not run']} not run` : '') +
    (reports.length
      ? ` (from ${reportFiles.join(', ')})`
      : ' (no test reports in test-results/: existence checked only)'),
);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
