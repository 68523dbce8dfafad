/** Rewrites the module picture in docs/architecture.md from the code's imports (`npm run docs:graph`). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mermaid, moduleEdges, withGraph } from '../src/platform/module-graph';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'docs/architecture.md');
fs.writeFileSync(file, withGraph(fs.readFileSync(file, 'utf8'), mermaid(moduleEdges(root))));
console.log(`✔ ${path.relative(root, file)}: module graph updated`);
