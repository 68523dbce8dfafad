import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  declaresTest,
  itemOutcome,
  parseChecklist,
  testOutcome,
  type VitestReport,
} from './security-checklist';

const table = (...rows: string[]) =>
  [
    'Intro text.',
    '<!-- checklist:start -->',
    '| # | Item | Status | Proof |',
    '| --- | --- | --- | --- |',
    ...rows,
    '<!-- checklist:end -->',
    'After.',
  ].join('\n');

const report = (file: string, tests: [string, string][]): VitestReport => ({
  testResults: [
    { name: `/ci/clone/${file}`, assertionResults: tests.map(([title, status]) => ({ title, status })) },
  ],
});

describe('parseChecklist', () => {
  it('reads numbers, statuses, test references and notes from the proof cell', () => {
    const { items, problems } = parseChecklist(
      table(
        '| 1 | Unique usernames | tested | `src/a.test.ts` › rejects duplicates<br>`src/b.db.test.ts` › lower(username) is unique |',
        '| 2 | PGlite | n/a | We run PostgreSQL itself, not PGlite. |',
        '| 3   | MFA  | pending | TOTP is being built.<br>`src/c.test.ts` › partial |',
      ),
      3,
    );
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        number: 1,
        item: 'Unique usernames',
        status: 'tested',
        tests: [
          { file: 'src/a.test.ts', title: 'rejects duplicates' },
          { file: 'src/b.db.test.ts', title: 'lower(username) is unique' },
        ],
        notes: [],
      },
      {
        number: 2,
        item: 'PGlite',
        status: 'n/a',
        tests: [],
        notes: ['We run PostgreSQL itself, not PGlite.'],
      },
      {
        number: 3,
        item: 'MFA',
        status: 'pending',
        tests: [{ file: 'src/c.test.ts', title: 'partial' }],
        notes: ['TOTP is being built.'],
      },
    ]);
  });

  it('names missing, repeated and foreign items, unknown statuses, and rows without proof', () => {
    const { problems } = parseChecklist(
      table(
        '| 1 | A | tested | just words |',
        '| 1 | A again | n/a |  |',
        '| 4 | Not on the list | pending | later |',
        '| 2 | B | done | `x.test.ts` › y |',
      ),
      3,
    );
    expect(problems).toEqual([
      'item 1: tested, but no test is named',
      'item 1: n/a needs a reason',
      'item 2: unknown status “done” (one of tested, n/a, pending)',
      'item 1 appears 2 times',
      'item 2 is missing',
      'item 3 is missing',
      'item 4 is not on the checklist',
    ]);
  });

  it('reads markdown escapes as plain text, and escaped pipes inside a cell', () => {
    const { items, problems } = parseChecklist(
      table('| 1 | \\_\\_proto\\_\\_ a \\| b | tested | `src/a.test.ts` › rejects \\_\\_proto\\_\\_ keys |'),
      1,
    );
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      item: '__proto__ a | b',
      tests: [{ file: 'src/a.test.ts', title: 'rejects __proto__ keys' }],
    });
  });

  it('says when the markers are missing', () => {
    expect(parseChecklist('| 1 | a | tested | b |').problems[0]).toMatch(/no table/);
  });

  it('reads the project’s own map: all 50 items, every named test declared in its file', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const { items, problems } = parseChecklist(fs.readFileSync(path.join(root, 'docs/security.md'), 'utf8'));
    expect(problems).toEqual([]);
    expect(items).toHaveLength(50);
    const missing = items.flatMap((i) =>
      i.tests
        .filter((t) => {
          const file = path.join(root, t.file);
          return !fs.existsSync(file) || !declaresTest(fs.readFileSync(file, 'utf8'), t.title);
        })
        .map((t) => `${i.number}: ${t.file} › ${t.title}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('declaresTest', () => {
  it('finds a title in any quotes, escaped quotes included, and nothing else', () => {
    const source = [
      "it('keeps numbers', () => {});",
      'test("a \\"quoted\\" title", () => {});',
      'it(`template title`, () => {});',
      "it('the user\\'s account', () => {});",
      "const CASES = { 'GET /api/users': () => [] };",
    ].join('\n');
    expect(declaresTest(source, 'keeps numbers')).toBe(true);
    expect(declaresTest(source, 'a "quoted" title')).toBe(true);
    expect(declaresTest(source, 'template title')).toBe(true);
    expect(declaresTest(source, "the user's account")).toBe(true);
    expect(declaresTest(source, 'GET /api/users')).toBe(true);
    expect(declaresTest(source, 'keeps')).toBe(false);
    expect(declaresTest(source, 'drops numbers')).toBe(false);
  });
});

describe('outcomes from vitest reports', () => {
  const ref = { file: 'src/a.test.ts', title: 'works' };

  it('pass only when run and passed everywhere it ran; fail when it failed anywhere', () => {
    const passed = report('src/a.test.ts', [['works', 'passed']]);
    const failed = report('src/a.test.ts', [['works', 'failed']]);
    const skipped = report('src/a.test.ts', [['works', 'skipped']]);
    const other = report('src/b.test.ts', [['works', 'passed']]);
    expect(testOutcome(ref, [passed])).toBe('pass');
    expect(testOutcome(ref, [passed, failed])).toBe('fail');
    expect(testOutcome(ref, [skipped])).toBe('not run');
    expect(testOutcome(ref, [other])).toBe('not run');
    expect(testOutcome(ref, [])).toBe('not run');
  });

  it('an item takes its worst test; n/a and pending items keep their status', () => {
    const reports = [
      report('src/a.test.ts', [
        ['works', 'passed'],
        ['breaks', 'failed'],
      ]),
    ];
    const item = (status: 'tested' | 'n/a' | 'pending', titles: string[]) => ({
      number: 1,
      item: 'x',
      status,
      tests: titles.map((title) => ({ file: 'src/a.test.ts', title })),
      notes: ['why'],
    });
    expect(itemOutcome(item('tested', ['works']), reports)).toBe('pass');
    expect(itemOutcome(item('tested', ['works', 'breaks']), reports)).toBe('fail');
    expect(itemOutcome(item('tested', ['works', 'absent']), reports)).toBe('not run');
    expect(itemOutcome(item('n/a', []), reports)).toBe('not applicable');
    expect(itemOutcome(item('pending', ['breaks']), reports)).toBe('pending');
  });
});
