/**
 * The house rules are lint rules (eslint.config.js): each case lints a small piece of code as if it
 * were a file at the given path, and expects the rule to refuse it (or to let the right form pass).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('house rules in lint', { timeout: 60_000 }, () => {
  it('refuses SQL outside repositories and a foreign repository in a service', async () => {
    const found = await problems(
      'src/modules/platforms/x.service.ts',
      "import { sql } from 'drizzle-orm';\nimport { listEnterprises } from '../enterprises/enterprises.repository';\nexport const x = [sql, listEnterprises];\n",
    );
    expect(found.join('\n')).toMatch(/SQL lives in repositories/);
    expect(found.join('\n')).toMatch(/never its repository/);
  });

  it('lets a repository write SQL, and a sub-folder use its own module’s repository', async () => {
    expect(
      await problems(
        'src/modules/platforms/x.repository.ts',
        "import { sql } from 'drizzle-orm';\nexport const x = sql;\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'src/modules/demo/city/x.ts',
        "import { lockDemo } from '../demo.repository';\nexport const x = lockDemo;\n",
      ),
    ).toEqual([]);
  });

  it('keeps the web to contract types and cores', async () => {
    const found = await problems(
      'src/web/pages/X.tsx',
      "import { createPlatformService } from '../../modules/platforms/platforms.service';\nimport { PlatformSchema } from '../../modules/platforms/platforms.schemas';\nexport const x = [createPlatformService, PlatformSchema];\n",
    );
    expect(found.join('\n')).toMatch(/over HTTP only/);
    expect(found.join('\n')).toMatch(/only types from a contract/);
    expect(
      await problems(
        'src/web/pages/Y.tsx',
        "import type { Platform } from '../../modules/platforms/platforms.schemas';\nimport { LABELS } from '../../modules/enterprises/core/codes';\nexport const y: Platform[] = [];\nexport const z = LABELS;\n",
      ),
    ).toEqual([]);
  });

  it('keeps cores pure and the CLI off SQL and routes', async () => {
    expect(
      (
        await problems('src/modules/platforms/core/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n")
      ).join(),
    ).toMatch(/core is pure/);
    expect(
      (
        await problems(
          'src/cli/x.ts',
          "import { platformRoutes } from '../modules/platforms/platforms.routes';\nexport const x = platformRoutes;\n",
        )
      ).join(),
    ).toMatch(/never HTTP or routes/);
  });

  it('refuses inline tooltip formatters and HTML-building formatters outside src/web/charts', async () => {
    const inline = 'export const o = { tooltip: { formatter: (p: { name: string }) => p.name } };\n';
    expect((await problems('src/web/pages/X.tsx', inline)).join()).toMatch(/src\/web\/charts\/tooltips\.ts/);
    const html = 'export const o = { label: { formatter: (p: { name: string }) => `<b>${p.name}</b>` } };\n';
    expect((await problems('src/web/pages/X.tsx', html)).join()).toMatch(/belongs in src\/web\/charts/);
    // The builders of src/web/charts, and plain text formatters (drawn on the canvas), pass.
    expect(
      await problems(
        'src/web/pages/Y.tsx',
        "import { byDataIndex } from '../../charts/tooltips';\nexport const o = { tooltip: { formatter: byDataIndex([['x']]) }, axisLabel: { formatter: (v: number) => v.toFixed(1) } };\n",
      ),
    ).toEqual([]);
    expect(await problems('src/web/charts/x.ts', inline)).toEqual([]);
  });

  it('refuses HTML sinks: dangerouslySetInnerHTML, innerHTML, insertAdjacentHTML, document.write', async () => {
    const found = await problems(
      'src/web/pages/X.tsx',
      [
        'export const a = (t: string) => <div dangerouslySetInnerHTML={{ __html: t }} />;',
        'export function b(el: HTMLElement, t: string) {',
        '  el.innerHTML = t;',
        "  el.insertAdjacentHTML('beforeend', t);",
        '  document.write(t);',
        '}',
        '',
      ].join('\n'),
    );
    expect(found.filter((m) => /Render user text as text/.test(m))).toHaveLength(4);
  });

  it('refuses sql.raw and sql.identifier with anything but a literal', async () => {
    const found = await problems(
      'src/modules/platforms/x.repository.ts',
      "import { sql } from 'drizzle-orm';\nexport const a = (sort: string) => sql`select 1 order by ${sql.raw(sort)}`;\nexport const b = (t: string) => sql.identifier(`x_${t}`);\n",
    );
    expect(found.filter((m) => /take a literal only/.test(m))).toHaveLength(2);
    expect(
      await problems(
        'src/modules/platforms/x.repository.ts',
        "import { sql } from 'drizzle-orm';\nexport const a = sql.raw('now()');\nexport const b = sql.identifier(`platforms`);\n",
      ),
    ).toEqual([]);
  });

  it('keeps web components under 300 lines', async () => {
    const long = Array.from({ length: 305 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect((await problems('src/web/pages/Long.tsx', `${long}\n`)).join()).toMatch(/too many lines/);
  });
});
