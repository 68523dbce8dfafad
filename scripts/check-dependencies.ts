/**
 * `npm run deps:check`: the dependency gate of the security checklist (item 47) on the lockfile —
 * no xlsx@0.18.5, @fastify/busboy ≥ 3.2.6, @fastify/multipart ≥ 10.1.1, drizzle-orm ≥ 0.45.2 —
 * and every package's engines.node admits the lowest Node.js in package.json's engines (no
 * EBADENGINE from `npm ci` there). Exits 1 and lists the problems when the gate fails.
 * `npm audit --audit-level=high` complements it.
 */
import fs from 'node:fs';
import {
  dependencyProblems,
  engineProblems,
  FORBIDDEN_VERSIONS,
  lowestNode,
  MINIMUM_VERSIONS,
} from '../src/platform/dependency-gate';

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const problems = [...dependencyProblems(lock), ...engineProblems(lock)];
if (problems.length) {
  console.error(`依赖检查未通过 / Dependency gate failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `依赖检查通过 / Dependency gate passed: minimums ${Object.entries(MINIMUM_VERSIONS)
    .map(([n, v]) => `${n}≥${v}`)
    .join(', ')}; forbidden ${Object.entries(FORBIDDEN_VERSIONS)
    .map(([n, v]) => `${n}@${v.join('|')}`)
    .join(', ')}; every package runs on Node ${lowestNode(lock)}`,
);
