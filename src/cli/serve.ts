import type { Command } from 'commander';
import { startServer } from '../server/main';
import { ROLE_NAMES } from '../modules/auth/core/access';
import { action, configFrom } from './main';
import { logLevelFor } from '../platform/config';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Run the web application and API (embedded PostgreSQL unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--demo', 'seed demo platforms and one demo account per role (also YIYUAN_DEMO=true)')
    .action(
      action(async (opts: { port?: string; host?: string; demo?: boolean }) => {
        const base = configFrom();
        const port = opts.port === undefined ? base.port : Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`--port ${opts.port}: expected a port number`);
        const demo = Boolean(opts.demo) || base.demo;
        const config = {
          ...base,
          port,
          host: opts.host ?? base.host,
          demo,
          logLevel: logLevelFor(process.env, demo),
        };
        const started = Date.now();
        const server = await startServer(config);
        const where = config.databaseUrl
          ? 'external PostgreSQL (DATABASE_URL)'
          : `embedded PostgreSQL in ${config.dataDir}`;
        console.log(
          `\n一园 Yiyuan is running at ${server.url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
        console.log(`  API docs: ${server.url}/api/docs   Database: ${where}`);
        if (server.demo) {
          console.log(`\n  Demo logins (演示账号) — password for all: ${server.demo.password}`);
          for (const u of server.demo.users) {
            const role = ROLE_NAMES[u.role];
            console.log(
              `    ${u.username.padEnd(13)} ${role.zh} / ${role.en}${u.scope ? ` — ${u.scope}` : ''}`,
            );
          }
        }
        console.log('\n  Press Ctrl+C to stop.');
        let signalled = false;
        const shutdown = async (signal: string) => {
          if (signalled) return;
          signalled = true;
          console.log(`\n${signal}: stopping the server and the database…`);
          try {
            await server.stop();
            console.log('Stopped cleanly.');
            process.exit(0);
          } catch (error) {
            console.error(`Stop failed: ${(error as Error).message}`);
            process.exit(1);
          }
        };
        process.on('SIGINT', () => void shutdown('SIGINT'));
        process.on('SIGTERM', () => void shutdown('SIGTERM'));
      }),
    );
}
