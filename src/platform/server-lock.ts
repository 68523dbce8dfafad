/** One Yiyuan server per data directory: `<dataDir>/server.pid` names the server that holds it. */
import fs from 'node:fs/promises';
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
