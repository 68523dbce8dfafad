/**
 * Every "§" the code and the docs cite must be a heading of the document it names: the domain
 * reference (docs/domain.md, cited as "domain guide §x.y") or the plan digest (docs/plan.md, cited
 * as "plan §x.y"). Pure file reading.
 *
 * How a citation finds its document:
 * - named: "domain guide", "domain.md", "docs/domain.md", "领域指南" → domain; "plan", "plan digest",
 *   "plan.md", "docs/plan.md", "规划", "杭政办函〔2022〕69号" (the plan's document number) → plan;
 *   "民法典" → an outside text, not checked;
 * - chained: a "§" joined to the previous one by ",", "、", "and", "or", "/" or a dash ("§5.3–§5.5",
 *   a range: every section in between must exist too) takes the previous one's document;
 * - bare, inside docs/domain.md or docs/plan.md: that document;
 * - bare elsewhere: a subsection of parts 1–4 ("§3.1", "§4.2") is the plan's — the domain
 *   reference has no subsections there; parts 5 and up are the domain reference's — the plan has
 *   four parts; a whole part 1–4 ("§1") exists in both, so the line must mention exactly one of the
 *   documents ("plan" / "规划" or "domain"), else the citation is ambiguous and fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Doc = 'domain' | 'plan';

interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

interface Citation {
  file: string;
  line: number;
  doc: Doc;
  section: string;
  /** How the document was found: the name used, "chained", "bare …". */
  form: string;
}

interface Problem {
  file: string;
  line: number;
  message: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SELF = 'src/platform/domain-references.test.ts';
const DOCUMENTS: Record<Doc, string> = { domain: 'docs/domain.md', plan: 'docs/plan.md' };

const NAMES: { pattern: RegExp; doc: Doc | 'outside' }[] = [
  { pattern: /(?:docs\/)?domain\.md$/i, doc: 'domain' },
  { pattern: /domain guide$/i, doc: 'domain' },
  { pattern: /领域指南$/, doc: 'domain' },
  { pattern: /(?:docs\/)?plan\.md$/i, doc: 'plan' },
  { pattern: /\bplan(?: digest)?$/i, doc: 'plan' },
  { pattern: /规划$/, doc: 'plan' },
  { pattern: /杭政办函〔2022〕69号$/, doc: 'plan' },
  { pattern: /民法典$/, doc: 'outside' },
];

const SECTION = /§\s?(\d+(?:\.\d+)*)/g;
/** Between two "§": the second continues the first's document. */
const CHAIN = /^\s*(?:,|、|\/|and|or|和|或|–|—|-|~|to|至)\s*$/i;
const RANGE = /^\s*(?:–|—|-|~|to|至)\s*$/i;

/** Text around a line break inside a comment reads as one space. */
const joinLines = (s: string) => s.replace(/\s*\n\s*(?:\*(?!\/)|\/\/|--|#)?\s*/g, ' ');

function nameBefore(prefix: string): { doc: Doc | 'outside'; name: string } | null {
  const text = joinLines(prefix).replace(/\s+$/, '');
  for (const { pattern, doc } of NAMES) {
    const m = pattern.exec(text);
    if (m) return { doc, name: m[0].toLowerCase() };
  }
  return null;
}

function bareDoc(file: string, section: string, lineText: string): { doc: Doc; form: string } | null {
  if (file === DOCUMENTS.domain) return { doc: 'domain', form: 'bare, in the domain reference' };
  if (file === DOCUMENTS.plan) return { doc: 'plan', form: 'bare, in the plan digest' };
  const [top, ...sub] = section.split('.').map(Number);
  if (top! >= 5) return { doc: 'domain', form: 'bare, part 5 and up' };
  if (sub.length > 0) return { doc: 'plan', form: 'bare, subsection of parts 1–4' };
  const plan = /\bplan\b|规划/i.test(lineText);
  const domain = /\bdomain\b|领域/i.test(lineText);
  if (plan === domain) return null;
  return plan
    ? { doc: 'plan', form: 'bare, line names the plan' }
    : { doc: 'domain', form: 'bare, line names the domain' };
}

/** "5.3" … "5.5" → 5.3, 5.4, 5.5 (same parent); otherwise just the two ends. */
function expandRange(from: string, to: string): string[] {
  const a = from.split('.').map(Number);
  const b = to.split('.').map(Number);
  const parentA = a.slice(0, -1).join('.');
  if (a.length !== b.length || parentA !== b.slice(0, -1).join('.') || a.at(-1)! > b.at(-1)!)
    return [from, to];
  const out: string[] = [];
  for (let n = a.at(-1)!; n <= b.at(-1)!; n++) out.push(parentA ? `${parentA}.${n}` : String(n));
  return out;
}

/** The citations of one file, and its ambiguous bare ones as problems. */
function citationsOf(file: SourceFile): { citations: Citation[]; problems: Problem[] } {
  const citations: Citation[] = [];
  const problems: Problem[] = [];
  const lineStarts = [0];
  for (let i = 0; i < file.text.length; i++) if (file.text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let previous: { end: number; doc: Doc | 'outside'; section: string } | null = null;
  for (const m of file.text.matchAll(SECTION)) {
    const start = m.index;
    const section = m[1]!;
    const lineIndex = lineOf(start);
    const lineText = file.text.slice(lineStarts[lineIndex], lineStarts[lineIndex + 1] ?? file.text.length);
    const line = lineIndex + 1;
    const between = previous ? joinLines(file.text.slice(previous.end, start)) : null;
    let doc: Doc | 'outside';
    let form: string;
    let sections = [section];
    const named = nameBefore(file.text.slice(Math.max(0, start - 80), start));
    if (previous && between !== null && CHAIN.test(between)) {
      doc = previous.doc;
      form = 'chained';
      if (RANGE.test(between)) sections = expandRange(previous.section, section).slice(1);
    } else if (named) {
      doc = named.doc;
      form = named.name;
    } else {
      const bare = bareDoc(file.path, section, lineText);
      if (!bare) {
        problems.push({
          file: file.path,
          line,
          message: `"§${section}" names no document and both have a part ${section}: write "plan §${section}" or "domain guide §${section}"`,
        });
        previous = null;
        continue;
      }
      ({ doc, form } = bare);
    }
    previous = { end: start + m[0].length, doc, section };
    if (doc === 'outside') continue;
    for (const s of sections) citations.push({ file: file.path, line, doc, section: s, form });
  }
  return { citations, problems };
}

/** Section numbers of a document's headings ("## 5. Per-mu …" → "5", "### 5.3 Scoring" → "5.3"). */
function headingsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const m = /^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s+\S/.exec(line);
    if (m) out.add(m[1]!);
  }
  return out;
}

function checkCitations(files: SourceFile[], headings: Record<Doc, Set<string>>) {
  const citations: Citation[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const found = citationsOf(file);
    problems.push(...found.problems);
    for (const c of found.citations) {
      citations.push(c);
      if (!headings[c.doc].has(c.section))
        problems.push({
          file: c.file,
          line: c.line,
          message: `§${c.section} (${c.form}) is not a heading of ${DOCUMENTS[c.doc]}`,
        });
    }
  }
  return { citations, problems };
}

const SCANNED_DIRS = ['src', 'bench', 'e2e', 'docs'];
const SCANNED = /\.(?:ts|tsx|mts|mjs|js|json|sql|md)$/;
/** Data files too large to hold citations. */
const SKIPPED = new Set(['src/modules/industries/reference/gbt4754-2017.json']);

function repositoryFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(rel);
      } else if (SCANNED.test(entry.name) && rel !== SELF && !SKIPPED.has(rel)) {
        out.push({ path: rel, text: fs.readFileSync(path.join(ROOT, rel), 'utf8') });
      }
    }
  };
  for (const dir of SCANNED_DIRS) walk(dir);
  out.push({ path: 'README.md', text: fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8') });
  return out;
}

const readDoc = (doc: Doc) => fs.readFileSync(path.join(ROOT, DOCUMENTS[doc]), 'utf8');
const show = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;

describe('citations of the domain reference and the plan', () => {
  const headings = { domain: headingsOf(readDoc('domain')), plan: headingsOf(readDoc('plan')) };

  it('the two documents keep the numbering the code cites', () => {
    const range = (prefix: string, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
    expect([...headings.domain].sort()).toEqual([...range('', 1, 14), ...range('5.', 1, 7)].sort());
    expect([...headings.plan].sort()).toEqual(
      [...range('', 1, 4), ...range('3.', 1, 6), ...range('4.', 1, 4)].sort(),
    );
  });

  it('every "§" in src, bench, e2e, docs and the README resolves to a heading', () => {
    const { citations, problems } = checkCitations(repositoryFiles(), headings);
    expect(problems.map(show)).toEqual([]);
    // The scan found the citations it is meant to check (guards against scanning nothing).
    expect(citations.filter((c) => c.doc === 'domain' && c.file.startsWith('src/')).length).toBeGreaterThan(
      30,
    );
    expect(citations.filter((c) => c.doc === 'plan' && c.file.startsWith('src/')).length).toBeGreaterThan(10);
  });

  it('the links of the two documents name files that exist', () => {
    const problems: string[] = [];
    for (const doc of ['domain', 'plan'] as const) {
      const text = readDoc(doc);
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (target === '' || /^[a-z]+:/i.test(target)) continue;
        const resolved = path.join(ROOT, path.dirname(DOCUMENTS[doc]), target);
        if (!fs.existsSync(resolved)) problems.push(`${DOCUMENTS[doc]}: ${m[1]} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the citation checker', () => {
  const headings: Record<Doc, Set<string>> = {
    domain: headingsOf('# D\n## 1. One\n## 2. Two\n## 5. Five\n### 5.3 A\n### 5.4 B\n### 5.5 C\n## 6. Six\n'),
    plan: headingsOf('# P\n## 1. One\n## 2. Two\n## 3. Three\n### 3.1 A\n## 4. Four\n### 4.2 B\n'),
  };
  const check = (text: string, file = 'src/x.ts') => checkCitations([{ path: file, text }], headings);

  it('reads headings, not numbered lists or code', () => {
    expect([...headingsOf('## 2. Units\n1. not a heading\n```\n## 9. in code\n```\n### 2.1 Sub\n')]).toEqual([
      '2',
      '2.1',
    ]);
  });

  it('accepts the forms in use', () => {
    const text = [
      '/** Scoring (domain guide §5.3–§5.5): see docs/domain.md §6 and domain.md §2. */',
      '// Units (domain guide §2, §5) and plan §3.1; Plan digest §2 and §4.2; domain guide §5–§6.',
      "const source = '杭政办函〔2022〕69号 §2'; // 规划 §4.2",
      '/** Chain leaders (§3.1); platforms (§4.2); Wenling bands (§5.4); policies §5.5; (§6, design) */',
      "-- The plan's key industries (§1)",
      '/** Indicators (domain guide',
      ' * §5.3) and thresholds (民法典 §1259). */',
    ].join('\n');
    const { citations, problems } = check(text);
    expect(problems).toEqual([]);
    const cited = citations.map((c) => `${c.line} ${c.doc} ${c.section}`);
    expect(cited).toEqual([
      '1 domain 5.3',
      '1 domain 5.4',
      '1 domain 5.5',
      '1 domain 6',
      '1 domain 2',
      '2 domain 2',
      '2 domain 5',
      '2 plan 3.1',
      '2 plan 2',
      '2 plan 4.2',
      '2 domain 5',
      '2 domain 6',
      '3 plan 2',
      '3 plan 4.2',
      '4 plan 3.1',
      '4 plan 4.2',
      '4 domain 5.4',
      '4 domain 5.5',
      '4 domain 6',
      '5 plan 1',
      '7 domain 5.3',
    ]);
  });

  it('fails on a section the named document lacks, naming file and line', () => {
    const { problems } = check(
      'ok (domain guide §5.3)\n/** broken (domain guide §5.9) and plan §3.7 */',
      'src/a/b.ts',
    );
    expect(problems.map(show)).toEqual([
      'src/a/b.ts:2: §5.9 (domain guide) is not a heading of docs/domain.md',
      'src/a/b.ts:2: §3.7 (plan) is not a heading of docs/plan.md',
    ]);
  });

  it('fails on a section the other document has but the named one lacks', () => {
    expect(check('plan §5.3').problems.map(show)).toEqual([
      'src/x.ts:1: §5.3 (plan) is not a heading of docs/plan.md',
    ]);
    expect(check('domain guide §3.1').problems.map(show)).toEqual([
      'src/x.ts:1: §3.1 (domain guide) is not a heading of docs/domain.md',
    ]);
  });

  it('fails on a range with a missing section inside', () => {
    expect(check('domain guide §2–§5').problems.map(show)).toEqual([
      'src/x.ts:1: §3 (chained) is not a heading of docs/domain.md',
      'src/x.ts:1: §4 (chained) is not a heading of docs/domain.md',
    ]);
  });

  it('fails on a bare section in neither document, and on an ambiguous bare part', () => {
    expect(check('x\n(§5.8)').problems.map(show)).toEqual([
      'src/x.ts:2: §5.8 (bare, part 5 and up) is not a heading of docs/domain.md',
    ]);
    expect(check('Chain leaders (§3.2)').problems.map(show)).toEqual([
      'src/x.ts:1: §3.2 (bare, subsection of parts 1–4) is not a heading of docs/plan.md',
    ]);
    expect(check('Targets (§2)').problems.map(show)).toEqual([
      'src/x.ts:1: "§2" names no document and both have a part 2: write "plan §2" or "domain guide §2"',
    ]);
  });

  it('reads a bare section inside a reference document as that document', () => {
    expect(check('see §3 and §3.1', DOCUMENTS.plan).problems).toEqual([]);
    expect(check('see §3.1', DOCUMENTS.domain).problems.map(show)).toEqual([
      'docs/domain.md:1: §3.1 (bare, in the domain reference) is not a heading of docs/domain.md',
    ]);
  });
});
