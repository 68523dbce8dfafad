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

  it('keeps web components under 300 lines', async () => {
    const long = Array.from({ length: 305 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect((await problems('src/web/pages/Long.tsx', `${long}\n`)).join()).toMatch(/too many lines/);
  });
});
