/**
 * The dependency gate (security checklist 47): versions with known advisories must not be in the
 * lockfile; and every installed package runs on the lowest Node.js the project names (its
 * `engines.node`, e.g. ">=20.19" → 20.19.0), so `npm ci` there warns of no engine (EBADENGINE).
 * Pure: reads a package-lock.json object; `scripts/check-dependencies.ts` runs it.
 */
import semver from 'semver';

/** Lowest acceptable version of each package wherever it appears in the tree. */
export const MINIMUM_VERSIONS: Record<string, string> = {
  '@fastify/busboy': '3.2.6',
  '@fastify/multipart': '10.1.1',
  'drizzle-orm': '0.45.2',
  fastify: '5.3.2',
};

/** Versions that must not appear at all (SheetJS CE on npm, prototype pollution and ReDoS). */
export const FORBIDDEN_VERSIONS: Record<string, string[]> = {
  xlsx: ['0.18.5'],
};

interface Lockfile {
  packages?: Record<string, { version?: string; engines?: Record<string, string> | string[] }>;
}

const parts = (v: string) =>
  v
    .split(/[-+]/)[0]!
    .split('.')
    .map((n) => Number(n) || 0);

/** -1, 0 or 1 as `a` is below, equal to or above `b` (x.y.z; pre-release tags ignored). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Every violation of the gate in a lockfile, as readable lines (empty: the gate passes). */
export function dependencyProblems(lock: Lockfile): string[] {
  const problems: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    const name = location.replace(/^.*node_modules\//, '');
    if (!location.includes('node_modules/') || !entry.version) continue;
    const minimum = MINIMUM_VERSIONS[name];
    if (minimum && compareVersions(entry.version, minimum) < 0)
      problems.push(`${location}@${entry.version} is below the minimum ${minimum}`);
    if (FORBIDDEN_VERSIONS[name]?.includes(entry.version))
      problems.push(`${location}@${entry.version} is forbidden`);
  }
  return problems;
}

/** The lowest Node.js version the project supports: the minimum of the root package's engines.node. */
export function lowestNode(lock: Lockfile): string | null {
  const engines = lock.packages?.['']?.engines;
  const range = engines && !Array.isArray(engines) ? engines.node : undefined;
  return range ? (semver.minVersion(range)?.version ?? null) : null;
}

/**
 * Every installed package whose engines.node excludes `node` (default: the project's lowest Node
 * version), as readable lines (empty: all run there).
 */
export function engineProblems(lock: Lockfile, node = lowestNode(lock)): string[] {
  if (!node) return ['the root package.json names no engines.node'];
  const problems: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    if (!location.includes('node_modules/') || !entry.engines || Array.isArray(entry.engines)) continue;
    const range = entry.engines.node;
    if (range && !semver.satisfies(node, range, { includePrerelease: true }))
      problems.push(`${location}@${entry.version ?? '?'} needs Node ${range}, not ${node}`);
  }
  return problems;
}
