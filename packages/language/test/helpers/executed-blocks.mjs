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
        await this.session.post('Profiler.takePreciseCoverage');
        await work();
        const { result } = await this.session.post('Profiler.takePreciseCoverage');
        let count = 0;
        for (const script of result) {
            if (!scripts.test(script.url)) continue;
            for (const fn of script.functions) for (const range of fn.ranges) count += range.count;
        }
        return count;
    }

    /** @returns {Promise<void>} */
    async stop() {
        await this.session.post('Profiler.stopPreciseCoverage');
        this.session.disconnect();
    }
}
