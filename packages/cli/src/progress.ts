/** How long a run goes quietly before it says where it is, and how often it redraws. */
const QUIET_MS = 1000;
const REDRAW_MS = 100;

export interface Progress {
    /** Called as work is done (the build is synchronous between awaits: timers would not fire). */
    update(): void;
    stop(): void;
}

/**
 * A line on standard error saying how far a long run is (`minutes: 412 of 1001 files checked`),
 * shown only on a terminal, only once the run has taken more than a second, redrawn in place
 * and erased at the end: piped or redirected output, CI logs and short runs see nothing.
 */
export function startProgress(stream: NodeJS.WriteStream, describe: () => string): Progress {
    if (!stream.isTTY || process.env.CI) return { update: () => undefined, stop: () => undefined };
    const started = Date.now();
    let drawn = 0;
    return {
        update() {
            const now = Date.now();
            if (now - started < QUIET_MS || now - drawn < REDRAW_MS) return;
            stream.write(`\r\x1b[2Kminutes: ${describe()}`);
            drawn = now;
        },
        stop() {
            if (drawn > 0) stream.write('\r\x1b[2K');
        }
    };
}
