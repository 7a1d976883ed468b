import { InThreadShardRunner, type ShardRunner } from '../../src/parallel-check.js';
import type { ShardOfCheck, ShardOutcome } from '../../src/releasing-check.js';
import { createCliServices } from '../../src/workspace.js';

/**
 * A thread of a parallel check run in this thread, with services of its own as a worker has,
 * and its shard and outcome passed through structured cloning, as messages to and from a
 * worker go. `alter` changes the shard before it is checked (to send a thread less than it
 * needs); `delay` makes its outcome arrive after that many milliseconds.
 */
export class InThreadRunner implements ShardRunner {
    private readonly runner = new InThreadShardRunner(createCliServices({ checkOnly: true }));

    constructor(private readonly options: { alter?: (shard: ShardOfCheck) => ShardOfCheck; delay?: number } = {}) {}

    async check(shard: ShardOfCheck, onChecked: () => void): Promise<ShardOutcome> {
        const sent = structuredClone(shard);
        const outcome = structuredClone(await this.runner.check(this.options.alter?.(sent) ?? sent, onChecked));
        if (this.options.delay) await new Promise(resolve => setTimeout(resolve, this.options.delay));
        return outcome;
    }

    async close(): Promise<void> {}
}
