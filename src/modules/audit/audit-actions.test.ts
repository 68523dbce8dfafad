/**
 * The action catalogue is complete: every action code any module writes to the audit trail (read
 * from the source) has a Chinese and an English name, and the catalogue lists nothing that is never
 * written. The audit writer's `action` is also typed by the catalogue, so TypeScript refuses an
 * unknown code; this scan catches what a cast would hide.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../imports/core/columns';
import {
  actionName,
  actionsByModule,
  AUDIT_ACTION_CODES,
  AUDIT_ACTIONS,
  AUDIT_MODULES,
  AUDIT_OBJECT_TYPES,
} from './core/actions';

const SRC = path.resolve(__dirname, '../..');
const CODE = /^[a-z][a-z_]*(\.[a-z_]+)+$/;
const HAN = /\p{Script=Han}/u;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return ['web', 'test'].includes(e.name) && dir === SRC ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

/** The literals an expression may evaluate to: not those it compares with or passes to a call. */
const literals = (expression: string) =>
  [...expression.matchAll(/(===\s*|!==\s*|\w\()?(?:'([^'\n]*)'|`([^`\n]*)`)/g)]
    .filter((m) => !m[1])
    .map((m) => ({
      text: m[2] ?? m[3]!,
      template: m[3] !== undefined && m[3].includes('${'),
    }));

/**
 * Every literal in an action position: the value of an `action:` property (up to the entry's next
 * property), and the arguments of local helpers that take an `action: AuditAction` parameter.
 */
function writtenActions(source: string) {
  const found = [
    ...source.matchAll(
      /\baction:\s*([\s\S]*?)(?=,\s*\n\s*(?:result|objectType|objectId|detail)\b|,?\s*\n\s*\})/g,
    ),
  ]
    // A type annotation (`action: AuditAction`, `action: RequestAction`) is not a written code.
    .filter((m) => !/^\s*[A-Z]\w*\b/.test(m[1]!))
    .flatMap((m) => literals(m[1]!));
  const helpers = [
    ...source.matchAll(/(?:const|function)\s+(\w+)\s*(?:=\s*(?:async\s*)?)?\([^)]*\baction: AuditAction/g),
  ].map((m) => m[1]!);
  for (const helper of helpers)
    for (const call of source.matchAll(new RegExp(`\\b${helper}\\(([^\\n]*)`, 'g')))
      found.push(...literals(call[1]!).filter((l) => CODE.test(l.text)));
  return found;
}

const written = sourceFiles(SRC).flatMap((file) =>
  writtenActions(fs.readFileSync(file, 'utf8')).map((l) => ({ ...l, file: path.relative(SRC, file) })),
);
const plain = written.filter((l) => !l.template);
const templates = written.filter((l) => l.template);
const templatePattern = (text: string) =>
  new RegExp(`^${text.replace(/\./g, '\\.').replace(/\$\{[^}]*\}/g, '[a-z_]+')}$`);

describe('audit action catalogue', () => {
  it('finds the actions the modules write (the scan is not blind)', () => {
    expect(new Set(plain.map((l) => l.text)).size).toBeGreaterThanOrEqual(60);
    expect(plain.map((l) => l.file)).toEqual(
      expect.arrayContaining([
        'modules/auth/auth.service.ts',
        'modules/enterprises/enterprises.service.ts',
        'modules/platforms/platforms.service.ts',
        'modules/evaluation/runs/runs.service.ts',
        'server/app.ts',
        'cli/data.ts',
      ]),
    );
  });

  it('names every action code written anywhere in the source', () => {
    const missing = plain.filter((l) => !Object.hasOwn(AUDIT_ACTIONS, l.text));
    expect(missing.map((l) => `${l.file}: ${l.text}`)).toEqual([]);
    // Codes built from a value: the import kinds are the only ones, and every kind is named.
    expect(templates.map((l) => l.text)).toEqual(templates.map(() => 'import.${job.kind}'));
    for (const kind of IMPORT_KINDS) expect(AUDIT_ACTION_CODES).toContain(`import.${kind}`);
  });

  it('lists only codes that are written', () => {
    const writtenCodes = new Set(plain.map((l) => l.text));
    const unwritten = AUDIT_ACTION_CODES.filter(
      (code) => !writtenCodes.has(code) && !templates.some((t) => templatePattern(t.text).test(code)),
    );
    expect(unwritten).toEqual([]);
  });

  it('gives each action a Chinese and an English name and a module', () => {
    for (const code of AUDIT_ACTION_CODES) {
      const { zh, en, module } = AUDIT_ACTIONS[code];
      expect(zh, code).toMatch(HAN);
      expect(en, code).not.toMatch(HAN);
      expect(en.trim(), code).not.toBe('');
      expect(AUDIT_MODULES[module], code).toBeDefined();
      expect(zh, code).not.toMatch(CODE);
    }
    const zhNames = AUDIT_ACTION_CODES.map((c) => AUDIT_ACTIONS[c].zh);
    expect(new Set(zhNames).size).toBe(zhNames.length);
    for (const names of [...Object.values(AUDIT_MODULES), ...Object.values(AUDIT_OBJECT_TYPES)]) {
      expect(names.zh).toMatch(HAN);
      expect(names.en).not.toMatch(HAN);
    }
  });

  it('groups every action under its module for the filter, and shows unknown codes as they are', () => {
    const grouped = actionsByModule().flatMap((g) => g.actions);
    expect(grouped.sort()).toEqual([...AUDIT_ACTION_CODES].sort());
    expect(actionName('evaluation.publish', 'zh')).toBe('发布评价结果');
    expect(actionName('evaluation.publish', 'en')).toBe('Publish evaluation results');
    expect(actionName('legacy.code', 'zh')).toBe('legacy.code');
  });
});
