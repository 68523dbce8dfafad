// Entry of the workbook-reading worker thread (memory-limited by its parent, see read-in-worker.ts).
// Plain JavaScript so that it starts without a loader; it loads the TypeScript reader, and the
// caller's row consumer, through tsx's in-thread require hook.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/cjs/api';

const api = register({ namespace: 'yiyuan-sheet-worker' });
const { runWorker } = api.require('./worker-main.ts', import.meta.url);
await runWorker(workerData, parentPort, (module) => api.require(module, import.meta.url));
