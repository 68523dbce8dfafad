/**
 * The security checklist as a test map (docs/security.md): parse its table, find each referenced
 * test in its file, and judge each item from vitest's JSON reports. Pure: the script
 * `scripts/security-checklist.ts` (`npm run security:checklist`) does the reading and printing.
 */

export const STATUSES = ['tested', 'n/a', 'pending'] as const;
export type Status = (typeof STATUSES)[number];

/** A test named in the map: its file (from the repository root) and its title (the `it` text). */
export interface TestRef {
  file: string;
  title: string;
}

export interface ChecklistItem {
  number: number;
  item: string;
  status: Status;
  tests: TestRef[];
  /** Free text of the proof cell: the reason an item does not apply, what is pending, notes. */
  notes: string[];
}

export interface ParseResult {
  items: ChecklistItem[];
  problems: string[];
}

const TABLE_START = '<!-- checklist:start -->';
const TABLE_END = '<!-- checklist:end -->';
/** `` `path/to/file.test.ts` › the test title `` */
const REF = /^`([^`]+)`\s*›\s*(.+)$/;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Markdown text as plain text: `\_\_proto\_\_` is `__proto__` (formatters escape such characters). */
const unescape = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');

/**
 * Reads the table between the checklist markers: `| # | Item | Status | Proof |`, the proof cell
 * holding test references and notes separated by `<br>`. Every item 1…`expected` must be there once.
 */
export function parseChecklist(markdown: string, expected = 50): ParseResult {
  const problems: string[] = [];
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start)
    return { items: [], problems: [`no table between ${TABLE_START} and ${TABLE_END}`] };
  const rows = markdown
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
  const items: ChecklistItem[] = [];
  for (const row of rows.slice(2)) {
    const [num, item, status, proof, ...rest] = cells(row);
    if (rest.length || proof === undefined) {
      problems.push(`row “${row.slice(0, 40)}…” does not have four cells`);
      continue;
    }
    const number = Number(num);
    if (!Number.isInteger(number)) {
      problems.push(`row “${row.slice(0, 40)}…” has no item number`);
      continue;
    }
    if (!(STATUSES as readonly string[]).includes(status!)) {
      problems.push(`item ${number}: unknown status “${status}” (one of ${STATUSES.join(', ')})`);
      continue;
    }
    const tests: TestRef[] = [];
    const notes: string[] = [];
    for (const part of proof.split(/<br\s*\/?>/i).map((p) => p.trim())) {
      if (!part) continue;
      const ref = REF.exec(part);
      if (ref) tests.push({ file: ref[1]!, title: unescape(ref[2]!.trim()) });
      else notes.push(unescape(part));
    }
    if (status === 'tested' && tests.length === 0)
      problems.push(`item ${number}: tested, but no test is named`);
    if (status !== 'tested' && notes.length === 0) problems.push(`item ${number}: ${status} needs a reason`);
    items.push({ number, item: unescape(item!), status: status as Status, tests, notes });
  }
  const seen = new Map<number, number>();
  for (const i of items) seen.set(i.number, (seen.get(i.number) ?? 0) + 1);
  for (let n = 1; n <= expected; n++) {
    if (!seen.has(n)) problems.push(`item ${n} is missing`);
    else if (seen.get(n)! > 1) problems.push(`item ${n} appears ${seen.get(n)} times`);
  }
  for (const n of seen.keys()) if (n < 1 || n > expected) problems.push(`item ${n} is not on the checklist`);
  return { items: items.sort((a, b) => a.number - b.number), problems };
}

/**
 * Whether a test file's source names a test with this title: the title as a string literal (any
 * quote) — in `it('…')`, or as the key a table of cases runs `it(key)` over.
 */
export function declaresTest(source: string, title: string): boolean {
  return [`'${title.replace(/'/g, "\\'")}'`, `"${title.replace(/"/g, '\\"')}"`, `\`${title}\``].some((q) =>
    source.includes(q),
  );
}

/** The part of vitest's JSON report this map reads. */
export interface VitestReport {
  testResults: {
    name: string;
    assertionResults: { title: string; status: string }[];
  }[];
}

export type Outcome = 'pass' | 'fail' | 'not run';

/**
 * A test's outcome over all reports: `fail` if it failed in any, `pass` if it passed in at least
 * one and failed in none, `not run` if no report ran it (skipped, or no report at all).
 */
export function testOutcome(ref: TestRef, reports: readonly VitestReport[]): Outcome {
  let passed = false;
  for (const report of reports)
    for (const file of report.testResults) {
      if (!file.name.replace(/\\/g, '/').endsWith(`/${ref.file}`) && file.name !== ref.file) continue;
      for (const a of file.assertionResults) {
        if (a.title !== ref.title) continue;
        if (a.status === 'failed') return 'fail';
        if (a.status === 'passed') passed = true;
      }
    }
  return passed ? 'pass' : 'not run';
}

export type ItemOutcome = 'pass' | 'fail' | 'not run' | 'not applicable' | 'pending';

/** An item's outcome: its status, or for a tested item the worst outcome of its tests. */
export function itemOutcome(item: ChecklistItem, reports: readonly VitestReport[]): ItemOutcome {
  if (item.status === 'n/a') return 'not applicable';
  if (item.status === 'pending') return 'pending';
  const outcomes = item.tests.map((t) => testOutcome(t, reports));
  if (outcomes.includes('fail')) return 'fail';
  if (outcomes.includes('not run')) return 'not run';
  return 'pass';
}
