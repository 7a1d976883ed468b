// The entry of a `minutes check` worker thread (bundled as dist/check-worker.js): a
// ShardChecker answering the main thread's two requests, parse then check (parallel-check.ts).
import { parentPort } from 'node:worker_threads';
import { ShardChecker, type CheckRequest, type ParseRequest } from './check-shard.js';
import { createCliServices } from './workspace.js';

const port = parentPort;
if (!port) throw new Error('check-worker.js runs as a worker thread of minutes check');
const checker = new ShardChecker(createCliServices({ checkOnly: true }));

port.on('message', (message: { id: number; step: 'parse' | 'check'; request: unknown }) => {
    const run = message.step === 'parse'
        ? checker.parse(message.request as ParseRequest)
        : checker.check(message.request as CheckRequest, () => port.postMessage({ validated: true }));
    run.then(
        result => port.postMessage({ id: message.id, result }),
        (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) })
    );
});
