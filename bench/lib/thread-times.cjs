/**
 * CPU time of a Node process split between its main thread and the others (V8's compiler and
 * collector threads, libuv's pool, workers, those already ended included), user + system,
 * printed to stderr as it exits. The main thread's from /proc/self/task/<pid>/stat (Linux),
 * the whole process's from `process.cpuUsage()`. Load it before the program:
 *
 *   node --require ./bench/lib/thread-times.cjs packages/cli/bin/minutes.js check FOLDER
 *
 * docs/performance.md ("Less compiling") reads a check's CPU this way.
 */
const { readFileSync, writeSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const TICKS_PER_SECOND = 100;

/** The CPU time, user + system, in clock ticks, of the thread whose /proc stat file this is. */
function ticksOf(statFile) {
    const stat = readFileSync(statFile, 'utf8');
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
}

module.exports = { ticksOf };

// Node loads it in each worker too: the process's threads are counted once, by the main thread.
if (isMainThread) process.on('exit', () => {
    let main;
    try {
        main = ticksOf(`/proc/self/task/${process.pid}/stat`) / TICKS_PER_SECOND;
    } catch {
        return;
    }
    const usage = process.cpuUsage();
    const total = (usage.user + usage.system) / 1e6;
    writeSync(2, `thread CPU: main ${main.toFixed(2)} s, other threads ${Math.max(0, total - main).toFixed(2)} s\n`);
});
