// The entry of a `minutes check` worker thread (bundled as dist/check-worker.js): the
// releasing check of the shard the main thread sends (parallel-check.ts). The language's
// services are made before the shard arrives: while the main thread reads the files.
import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './parallel-check.js';
import { checkShard, type ShardOfCheck } from './releasing-check.js';
import { createCliServices } from './workspace.js';

const port = parentPort;
if (!port) throw new Error('check-worker.js runs as a worker thread of minutes check');
const services = createCliServices({ checkOnly: true });
const reply = (message: WorkerReply) => port.postMessage(message);

port.once('message', (shard: ShardOfCheck) => {
    checkShard(services, shard, () => reply({ checked: true })).then(
        outcome => reply({ outcome }),
        (error: unknown) => reply({ error: error instanceof Error ? error.stack ?? error.message : String(error) })
    );
});
