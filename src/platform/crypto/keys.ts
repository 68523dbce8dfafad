/**
 * The personal-information key ring, from outside the database: `YIYUAN_PI_KEY` or the file in
 * `YIYUAN_PI_KEY_FILE`. In demo mode with neither, a key file is generated in the data directory
 * (mode 0600) and start-up says so; otherwise (production) there is no key and start-up stops.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config';
import { PiKeyRing, generatePiKey, parsePiKey } from './personal-info';

/** Name of the generated demo key file inside the data directory. */
export const DEMO_KEY_FILE = 'personal-info.key';

export interface ResolvedKeyRing {
  ring: PiKeyRing;
  /** Where the keys came from, for the start-up log (never the keys themselves). */
  source: string;
  /** The key file generated now (demo mode), or null. */
  generated: string | null;
  /** Things an operator should fix, e.g. a key file others may read. */
  warnings: string[];
}

export const NO_KEY_MESSAGE =
  '未配置个人信息加密密钥：请设置 YIYUAN_PI_KEY 或 YIYUAN_PI_KEY_FILE（用 `yiyuan keys generate` 生成） / ' +
  'No personal-information key: set YIYUAN_PI_KEY or YIYUAN_PI_KEY_FILE (generate one with `yiyuan keys generate`)';

function parseList(text: string, where: string): Buffer[] {
  const entries = text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n')
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) throw new ConfigError([`${where}: no key / 没有密钥`]);
  return entries.map((entry, i) => {
    const key = parsePiKey(entry);
    if (!key)
      throw new ConfigError([
        `${where}: key ${i + 1} is not 64 hex digits or base64 of 32 bytes / 第 ${i + 1} 个密钥应为 64 位十六进制或 32 字节的 base64`,
      ]);
    return key;
  });
}

function readKeyFile(file: string, warnings: string[]): Buffer[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([
      `YIYUAN_PI_KEY_FILE=${file}: cannot read (${(error as NodeJS.ErrnoException).code}) / 无法读取密钥文件`,
    ]);
  }
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0)
    warnings.push(`${file}: readable by group or others; chmod 600 it / 密钥文件权限过宽，应为 600`);
  return parseList(text, `YIYUAN_PI_KEY_FILE=${file}`);
}

/** Reads (or in demo mode creates) the key ring. Throws ConfigError with advice when there is none. */
export function resolveKeyRing(config: Config): ResolvedKeyRing {
  const { keys, keyFile } = config.personalInfo;
  const warnings: string[] = [];
  if (keys)
    return {
      ring: new PiKeyRing(parseList(keys, 'YIYUAN_PI_KEY')),
      source: 'YIYUAN_PI_KEY',
      generated: null,
      warnings,
    };
  if (keyFile)
    return {
      ring: new PiKeyRing(readKeyFile(keyFile, warnings)),
      source: keyFile,
      generated: null,
      warnings,
    };
  if (!config.demo) throw new ConfigError([NO_KEY_MESSAGE]);
  const file = path.join(config.dataDir, DEMO_KEY_FILE);
  let generated: string | null = null;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const text = `# Yiyuan personal-information key (demo). First line seals, every line opens.\n${generatePiKey()}\n`;
    try {
      // 'wx': two processes starting together never overwrite each other's key.
      fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
      generated = file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { ring: new PiKeyRing(readKeyFile(file, warnings)), source: file, generated, warnings };
}

const cache = new WeakMap<Config, ResolvedKeyRing>();

/** `resolveKeyRing`, once per configuration object (services ask on every sealed value). */
export function keyRingOf(config: Config): ResolvedKeyRing {
  let resolved = cache.get(config);
  if (!resolved) {
    resolved = resolveKeyRing(config);
    cache.set(config, resolved);
  }
  return resolved;
}
