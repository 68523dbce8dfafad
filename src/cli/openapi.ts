import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { connect } from '../platform/db/client';
import { buildApp } from '../server/app';
import { action, configFrom } from './main';

/**
 * `yiyuan openapi`: the API's OpenAPI document, as `/api/docs/json` serves it, generated from the
 * contracts (`<feature>.schemas.ts`). It needs no database: the app is built but never queried.
 */
export function registerOpenApi(program: Command) {
  program
    .command('openapi')
    .option('-o, --out <file>', 'write the document to this file instead of standard output')
    .description(
      'Print the OpenAPI document of the HTTP API (generated from the contracts; no database needed)',
    )
    .action(
      action(async (opts: { out?: string }) => {
        const config = configFrom({ logLevel: 'silent' });
        // A pool that is never used: building the app opens no connection.
        const database = connect('postgres://127.0.0.1:1/unused', 'external', null);
        const { app } = await buildApp(config, database);
        try {
          await app.ready();
          const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
          if (opts.out) {
            await fs.writeFile(opts.out, document);
            console.error(`✔ Written ${path.resolve(opts.out)}`);
          } else process.stdout.write(document);
        } finally {
          await app.close();
          await database.close();
        }
      }),
    );
}
