// Plain JavaScript, so that both the tests and `node bench/pathological.mjs --growth --count` can import it.
import { Session } from 'node:inspector/promises';

/**
 * How much JavaScript a piece of work executes, counted by V8 (precise coverage: how many
 * times each block ran). Unlike a time, a count does not depend on the load of the machine,
 * so a test can check that work grows in proportion to its input: twice the input, about
 * twice the count. Counting starts when `start` is called, and only code compiled after it
 * is counted precisely: start it before importing the modules to count (with `import()`).
 */
export class ExecutedBlocks {
    /** @param {Session} session */
    constructor(session) {
        this.session = session;
    }

    /** @returns {Promise<ExecutedBlocks>} */
    static async start() {
        const session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
        return new ExecutedBlocks(session);
    }

    /**
     * The blocks `work` executes in the scripts whose address matches `scripts`.
     * @param {RegExp} scripts
     * @param {() => unknown} work
     * @returns {Promise<number>}
     */
    async count(scripts, work) {
        await this.since(scripts);
        await work();
        return (await this.since(scripts)).count;
    }

    /**
     * The blocks executed in the scripts whose address matches `scripts` since the last call
     * (or `count`), and by function (name, script and offset), the most first.
     * @param {RegExp} scripts
     * @returns {Promise<{ count: number, byFunction: Array<[string, number]> }>}
     */
    async since(scripts) {
        const { result } = await this.session.post('Profiler.takePreciseCoverage');
        let count = 0;
        const byFunction = new Map();
        for (const script of result) {
            if (!scripts.test(script.url)) continue;
            const file = script.url.replace(/^.*\/(node_modules|packages)\//, '');
            for (const fn of script.functions) {
                let blocks = 0;
                for (const range of fn.ranges) blocks += range.count;
                count += blocks;
                if (blocks > 0) {
                    const name = `${fn.functionName || '(anonymous)'} ${file}:${fn.ranges[0].startOffset}`;
                    byFunction.set(name, (byFunction.get(name) ?? 0) + blocks);
                }
            }
        }
        return { count, byFunction: [...byFunction].sort((a, b) => b[1] - a[1]) };
    }

    /** @returns {Promise<void>} */
    async stop() {
        await this.session.post('Profiler.stopPreciseCoverage');
        this.session.disconnect();
    }
}
