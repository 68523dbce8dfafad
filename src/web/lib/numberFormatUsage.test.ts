// Pages format numbers only through lib/format.ts (one format per unit): no ad-hoc toFixed,
// toLocaleString or Intl.NumberFormat in src/web/pages. Converting a stored value for a form
// input is not display and is allowed where listed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGES = path.resolve(__dirname, '../pages');
const AD_HOC = /\.toFixed\(|\.toLocaleString\(|new Intl\.NumberFormat\(/;

/** File → why it may: form values, not display. */
const ALLOWED: Record<string, string> = {
  'plan/planForm.ts':
    'a stored ratio converted to the percent an input edits (toFixed(4) against float noise)',
  'login/resetNotice.ts': 'a date and time, not a number',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('number formatting in pages', () => {
  it('goes through lib/format.ts, never ad-hoc toFixed / toLocaleString / Intl.NumberFormat', () => {
    const offenders: string[] = [];
    for (const file of sources(PAGES)) {
      const rel = path.relative(PAGES, file).split(path.sep).join('/');
      if (ALLOWED[rel]) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (AD_HOC.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
