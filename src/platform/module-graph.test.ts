import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, GRAPH_END, GRAPH_START, mermaid, moduleEdges, withGraph } from './module-graph';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const edges = moduleEdges(root);
const runtime = edges.filter((e) => e.kinds.some((k) => k === 'service' || k === 'other'));

describe('the modules and their dependencies', () => {
  it('docs/architecture.md shows the graph the code has (run `npm run docs:graph` after a change)', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    expect(doc).toBe(withGraph(doc, mermaid(edges)));
  });

  it('has no cycle through services (cores and contract types may be shared freely)', () => {
    expect(cycles(runtime)).toEqual([]);
  });

  it('platform evaluation uses only the evaluation engine (its pure core)', () => {
    const toEvaluation = edges.find((e) => e.from === 'platform-evaluation' && e.to === 'evaluation');
    expect(toEvaluation?.kinds).toEqual(['core']);
    expect(edges.some((e) => e.from === 'evaluation' && e.to === 'platform-evaluation')).toBe(false);
  });

  it('finds a cycle and an edge when there is one (the checker itself)', () => {
    const fake = [
      { from: 'a', to: 'b', kinds: ['service'] },
      { from: 'b', to: 'a', kinds: ['service'] },
    ];
    expect(cycles(fake)).toEqual([['a', 'b', 'a']]);
    expect(() => withGraph('no block here', '')).toThrow(/module-graph/);
    expect(withGraph(`x\n${GRAPH_START}\nold\n${GRAPH_END}\ny`, 'new')).toBe(
      `x\n${GRAPH_START}\n\nnew\n\n${GRAPH_END}\ny`,
    );
  });
});
