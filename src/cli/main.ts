/**
 * `yiyuan`: the operators' scripting interface. Commands call services directly (never HTTP) and
 * use the same configuration as the server (YIYUAN_DATA_DIR or DATABASE_URL).
 */
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, APP_VERSION, type Config } from '../platform/config';
import { EmbeddedDatabaseError } from '../platform/db/embedded';
import { ServerAlreadyRunningError } from '../platform/server-lock';
import { AppError } from '../platform/errors';
import { BackupFormatError } from '../platform/db/backup';
import { DatabaseRoleError } from '../platform/db/roles';
import { registerServe } from './serve';
import { registerDb } from './db';
import { registerUser } from './user';
import { registerDemo } from './demo';
import { registerData } from './data';
import { registerEvaluation } from './evaluation';
import { registerCockpit } from './cockpit';
import { registerOpenApi } from './openapi';
import { registerKeys } from './keys';
import { registerAudit } from './audit';
import { registerCalendar } from './calendar';
import { registerRequests } from './requests';
import { registerTasks } from './tasks';
import { registerProjects } from './projects';
import { registerNotifications } from './notifications';

export interface GlobalOptions {
  json?: boolean;
}

/** Prints a result as readable text, or as JSON with --json. */
export function output(options: GlobalOptions, value: unknown, text: () => string): void {
  console.log(options.json ? JSON.stringify(value, null, 2) : text());
}

export function configFrom(overrides: Partial<Config> = {}): Config {
  return loadConfig(process.env, overrides);
}

function describe(error: unknown): { message: string; hint?: string } {
  if (error instanceof ConfigError)
    return {
      message: error.message,
      hint: 'Fix the environment variables listed above (see README, Configuration).',
    };
  if (error instanceof ServerAlreadyRunningError) return { message: error.message };
  if (error instanceof EmbeddedDatabaseError)
    return { message: error.message, hint: 'Or set DATABASE_URL to use another PostgreSQL.' };
  if (error instanceof BackupFormatError) return { message: error.message };
  if (error instanceof DatabaseRoleError) return { message: error.message };
  if (error instanceof AppError) {
    const json = error.toJSON().error;
    const details = json.details?.map((d) => `  - ${d.field}: ${d.zh} / ${d.en}`).join('\n');
    return { message: `${json.zh} / ${json.en}${details ? `\n${details}` : ''}` };
  }
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE')
    return { message: `Port in use: ${e.message}`, hint: 'Choose another port with --port or PORT.' };
  if (e?.code === 'ECONNREFUSED')
    return {
      message: `Cannot reach the database: ${e.message}`,
      hint: 'Check DATABASE_URL, or unset it to use the embedded database.',
    };
  if (e?.code === 'ENOENT') return { message: e.message, hint: 'Check the file path.' };
  return { message: e?.message ?? String(error) };
}

/** Wraps a command's action: failures print what went wrong and what to do, and exit non-zero. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      const command = args[args.length - 1] as Command;
      const json = Boolean(command?.optsWithGlobals?.().json);
      const { message, hint } = describe(error);
      if (json) console.log(JSON.stringify({ ok: false, error: message, hint }, null, 2));
      else console.error(`✖ ${message}${hint ? `\n  ${hint}` : ''}`);
      process.exitCode = 1;
    }
  };
}

// `yiyuan results --json | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command()
  .name('yiyuan')
  .description('Yiyuan (一园): Hangzhou industrial platform management — server and operator commands')
  .version(APP_VERSION)
  .addOption(new Option('--json', 'machine-readable JSON output'))
  .showHelpAfterError();

registerServe(program);
registerDb(program);
registerUser(program);
registerDemo(program);
registerData(program);
registerEvaluation(program);
registerCockpit(program);
registerOpenApi(program);
registerKeys(program);
registerAudit(program);
registerCalendar(program);
registerRequests(program);
registerTasks(program);
registerProjects(program);
registerNotifications(program);

await program.parseAsync(process.argv);
