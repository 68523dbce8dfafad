/** One Yiyuan server per data directory: `<dataDir>/server.pid` names the server that holds it. */
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { isAlive } from './db/embedded';

export interface ServerLockInfo {
  pid: number;
  port: number;
  startedAt: string;
}

export class ServerAlreadyRunningError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: ServerLockInfo,
  ) {
    super(
      `Another Yiyuan server (pid ${holder.pid}, http://localhost:${holder.port}) is already using the data directory ${dataDir}.\n` +
        `另一个一园服务（进程 ${holder.pid}）正在使用数据目录 ${dataDir}。\n` +
        'Stop that server first, or point this one elsewhere with YIYUAN_DATA_DIR (or DATABASE_URL). ' +
        'CLI commands (yiyuan db …, yiyuan user …) work while it runs.',
    );
  }
}

const lockPath = (dataDir: string) => path.join(dataDir, 'server.pid');

export async function readServerLock(dataDir: string): Promise<ServerLockInfo | null> {
  try {
    const info = JSON.parse(await fs.readFile(lockPath(dataDir), 'utf8')) as ServerLockInfo;
    return isAlive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

/** Takes the directory for this process; a lock left by a killed server is taken over. */
export async function acquireServerLock(dataDir: string, port: number): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const info: ServerLockInfo = { pid: process.pid, port, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(info), { flag: 'wx' });
      return async () => {
        const current = await fs.readFile(file, 'utf8').catch(() => '');
        if (current.includes(`"pid":${process.pid},`)) await fs.rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readServerLock(dataDir);
      if (holder) throw new ServerAlreadyRunningError(dataDir, holder);
      await fs.rm(file, { force: true });
    }
  }
  throw new Error(`Could not take ${file}`);
}

/** Updates the recorded port once the server listens (port 0 → real port). */
export async function recordServerPort(dataDir: string, port: number): Promise<void> {
  const info: ServerLockInfo = { pid: process.pid, port, startedAt: new Date().toISOString() };
  await fs.writeFile(lockPath(dataDir), JSON.stringify(info));
}

export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `端口 ${port}（${host}）已被占用，服务未启动；数据库和正在运行的导入均未受影响。\n` +
        `Port ${port} on ${host} is already in use: the server did not start, and the database and any running import were left alone.\n` +
        'Stop whatever listens there, or choose another port with --port (or PORT).',
    );
  }
}

/**
 * Refuses to go on when the address is taken — checked before the server touches the database,
 * so a server that cannot listen never recovers "stale" jobs or stops a cluster others use.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
