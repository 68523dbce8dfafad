import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  dependencyProblems,
  engineProblems,
  lowestNode,
  MINIMUM_VERSIONS,
} from './dependency-gate';

describe('dependency gate (checklist 47)', () => {
  it('the lockfile has no xlsx@0.18.5 and every package at or above its minimum', () => {
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
    expect(dependencyProblems(lock)).toEqual([]);
    // The gated packages are really there (a renamed lockfile layout would pass vacuously).
    const names = Object.keys(lock.packages).map((k) => k.replace(/^.*node_modules\//, ''));
    for (const name of ['@fastify/busboy', '@fastify/multipart', 'drizzle-orm', 'fastify'])
      expect(names, name).toContain(name);
    expect(Object.keys(MINIMUM_VERSIONS)).toContain('@fastify/busboy');
  });

  it('refuses the forbidden and the too old, wherever they are nested', () => {
    expect(
      dependencyProblems({
        packages: {
          '': { version: '0.1.0' },
          'node_modules/xlsx': { version: '0.18.5' },
          'node_modules/a/node_modules/@fastify/busboy': { version: '3.2.5' },
          'node_modules/@fastify/multipart': { version: '10.1.0' },
          'node_modules/drizzle-orm': { version: '0.45.2' },
          'node_modules/xlsx-other': { version: '0.18.5' },
        },
      }),
    ).toEqual([
      'node_modules/xlsx@0.18.5 is forbidden',
      'node_modules/a/node_modules/@fastify/busboy@3.2.5 is below the minimum 3.2.6',
      'node_modules/@fastify/multipart@10.1.0 is below the minimum 10.1.1',
    ]);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('10.1.10', '10.1.9')).toBe(1);
    expect(compareVersions('0.45.2', '0.45.2')).toBe(0);
    expect(compareVersions('0.45.2-beta.1', '0.45.2')).toBe(0);
    expect(compareVersions('3.2', '3.2.6')).toBe(-1);
  });

  it('every installed package runs on the lowest Node.js that package.json names (no EBADENGINE)', () => {
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(lock.packages[''].engines.node).toBe(pkg.engines.node);
    expect(lowestNode(lock)).toBe('20.19.0');
    expect(engineProblems(lock)).toEqual([]);
  });

  it('names the packages whose engines.node excludes that version', () => {
    const lock = {
      packages: {
        '': { version: '0.1.0', engines: { node: '>=20.19' } },
        'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
        'node_modules/a/node_modules/vite': { version: '8.0.0', engines: { node: '^20.19.0 || >=22.12.0' } },
        'node_modules/old': { version: '1.0.0', engines: ['node >= 0.4'] },
        'node_modules/none': { version: '1.0.0' },
      },
    };
    expect(engineProblems(lock)).toEqual(['node_modules/cookie@2.0.2 needs Node >=22, not 20.19.0']);
    expect(engineProblems({ packages: { '': { version: '1' } } })).toEqual([
      'the root package.json names no engines.node',
    ]);
  });
});
