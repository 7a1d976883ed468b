import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { hasLoneSurrogate } from './document-checks.js';

/**
 * How much to fuzz. `npm test` runs a short, fixed-seed run; `npm run fuzz`
 * (test/fuzz/run-long.mjs) sets these variables for a long one:
 *
 * - FUZZ_RUNS: runs per property (default: each property's short-run count);
 * - FUZZ_SECONDS: stop each property after this many seconds, whatever the runs;
 * - FUZZ_SEED: the seed (default fixed, so that `npm test` is reproducible);
 * - FUZZ_SAVE=1: write each failing input, shrunk, as a regression fixture.
 */
export interface FuzzSettings {
    readonly runs?: number;
    readonly seconds?: number;
    readonly seed: number;
    readonly save: boolean;
    readonly long: boolean;
}

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
    const number = (name: string) => {
        const value = env[name];
        if (value === undefined || value === '') return undefined;
        const parsed = Number(value);
        if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name}=${value}: expected a number`);
        return parsed;
    };
    const runs = number('FUZZ_RUNS');
    const seconds = number('FUZZ_SECONDS');
    return {
        runs,
        seconds,
        seed: number('FUZZ_SEED') ?? 20180319,
        save: env.FUZZ_SAVE === '1',
        long: runs !== undefined || seconds !== undefined
    };
}

export const REGRESSIONS_FOLDER = fileURLToPath(new URL('../fixtures/regressions/', import.meta.url));

/**
 * A regression fixture: `<name>.minutes` holds the text as it is; a text that UTF-8 cannot
 * hold (a lone surrogate, which an editor can still send) is kept JSON-encoded in
 * `<name>.minutes.json`.
 */
export function readRegressions(): Array<{ name: string; text: string }> {
    let names: string[];
    try {
        names = readdirSync(REGRESSIONS_FOLDER).sort();
    } catch {
        return [];
    }
    return names.flatMap(name => {
        const file = path.join(REGRESSIONS_FOLDER, name);
        if (name.endsWith('.minutes')) return [{ name, text: readFileSync(file, 'utf8') }];
        if (name.endsWith('.minutes.json')) return [{ name, text: JSON.parse(readFileSync(file, 'utf8')) as string }];
        return [];
    });
}

/** Writes a failing input as a regression fixture named after the property and its content; returns the path. */
export function saveRegression(property: string, text: string): string {
    mkdirSync(REGRESSIONS_FOLDER, { recursive: true });
    const digest = createHash('sha256').update(text).digest('hex').slice(0, 10);
    const base = `${property}-${digest}.minutes`;
    const file = path.join(REGRESSIONS_FOLDER, hasLoneSurrogate(text) ? `${base}.json` : base);
    writeFileSync(file, hasLoneSurrogate(text) ? JSON.stringify(text) + '\n' : text);
    return file;
}

export interface PropertyRun {
    readonly name: string;
    readonly runs: number;
    readonly failed: boolean;
    readonly report?: string;
}

/**
 * Runs one property with the settings, counting runs; a failure is reported with its
 * shrunk counterexample and, in a long run with FUZZ_SAVE=1, saved as a regression fixture.
 */
export async function runProperty<T extends [unknown, ...unknown[]]>(
    name: string,
    settings: FuzzSettings,
    shortRuns: number,
    property: fc.IAsyncPropertyWithHooks<T>,
    textOf: (value: T) => string
): Promise<PropertyRun> {
    const parameters: fc.Parameters<T> = {
        seed: settings.seed,
        numRuns: settings.runs ?? (settings.seconds !== undefined ? Number.MAX_SAFE_INTEGER : shortRuns),
        interruptAfterTimeLimit: settings.seconds !== undefined ? settings.seconds * 1000 : undefined,
        markInterruptAsFailure: false,
        endOnFailure: false
    };
    const details = await fc.check(property, parameters);
    if (!details.failed) return { name, runs: details.numRuns, failed: false };
    const text = details.counterexample ? textOf(details.counterexample) : undefined;
    // The error first: a counterexample can be a whole example file.
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    let report = `${name}: property failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}")\n${error}`;
    if (text !== undefined) {
        const shown = JSON.stringify(text);
        report += `\n\nThe failing input (${text.length} characters), as a JavaScript string:\n${shown.length > 4000 ? `${shown.slice(0, 4000)}…` : shown}`;
        if (settings.save) report += `\n\nSaved as ${saveRegression(name, text)}`;
    }
    return { name, runs: details.numRuns, failed: true, report };
}
