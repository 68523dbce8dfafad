/**
 * Once per journey run: a demo installation (embedded PostgreSQL, migrations, demo city and
 * evaluations) made by `yiyuan serve --demo` and stopped cleanly. Each journey file starts its own
 * server on a copy of it, so files stay independent without each paying for the demo's creation.
 */
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { findChromium, scratchDir, startDemoServer, stopServer } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The stopped demo installation to copy; empty when there is no browser to run journeys. */
    demoTemplate: string;
  }
}

export async function setup(project: TestProject) {
  if (!findChromium()) {
    project.provide('demoTemplate', '');
    return;
  }
  const dir = scratchDir('yiyuan-e2e-template-');
  const { server } = await startDemoServer(dir);
  await stopServer(server);
  project.provide('demoTemplate', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
