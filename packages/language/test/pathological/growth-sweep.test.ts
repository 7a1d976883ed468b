import { describe, expect, test } from 'vitest';
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs
import { SHAPES } from './shapes.mjs';
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs
import { bestStageTimes, describeGrowth, growthOf, MAX_EXPONENT, samplePositions, STAGES, sweepServices } from './growth.mjs';

/**
 * The growth sweep (issue 19): every shape of shapes.mjs — each construct repeated, nested,
 * unclosed, identical, with many names — through every stage of growth.mjs (lex, parse,
 * link, validate, each feature of the editor, every output at every attribution, the
 * ledger and what is made of it). In `npm test` each shape runs once, at its small size (a
 * few kilobytes), so that the sweep cannot rot: every stage must finish without an error
 * that is not an answer (a generator's refusal, a rename refused). With
 * MINUTES_GROWTH_TESTS=1 it runs at n, 2n and 4n, eight times as large, each size the best
 * of three runs, and a stage whose time grows faster than size^MAX_EXPONENT fails; `node
 * bench/pathological.mjs --growth` measures the full sizes (docs/limits.md has the table).
 * Speed is judged by benchmarks: growth is asserted only on request, where times at three
 * sizes of a few kilobytes would be noise.
 */
const ASSERT_GROWTH = process.env.MINUTES_GROWTH_TESTS === '1';
const SCALE = 8;
const RUNS = 3;
/** Stages that take less than this (CPU ms) at the largest size are too quick to tell growth from noise. */
const FLOOR_MS = 40;

interface Shape {
    name: string;
    what: string;
    n: number;
    files: (n: number) => Record<string, string>;
    /** Stages whose output grows faster than the input, by design, and why. */
    steeper?: Record<string, string>;
}

interface StageGrowth {
    ms: number[];
    exponent?: number;
}

describe('growth sweep: every construct through every stage at n, 2n and 4n', () => {
    test('the stages are those the brief lists', () => {
        for (const stage of ['lex', 'parse', 'link', 'validate', 'completion', 'hover', 'symbols', 'folding', 'semantic', 'format', 'codeActions',
            'references', 'rename', 'inlay', 'highlight', 'email:none', 'eml:organisation', 'html:full', 'markdown:none', 'docx:none', 'json:none',
            'site:none', 'digest', 'ledger', 'actions:json', 'ics', 'stats']) {
            expect(STAGES).toContain(stage);
        }
    });

    test.each((SHAPES as Shape[]).map(shape => [shape.name, shape] as const))('%s: its size doubles with n', (_name, shape) => {
        const characters = [1, 2, 4].map(k => Object.values(shape.files(k * shape.n)).reduce((sum, text) => sum + text.length, 0));
        // Nested shapes grow as the square of their depth.
        expect(characters[1] / characters[0], `${characters}`).toBeGreaterThan(1.3);
        expect(characters[2] / characters[1], `${characters}`).toBeGreaterThan(1.5);
        expect(characters[2] / characters[1], `${characters}`).toBeLessThan(4.5);
    });

    // Requests at a position (completion, hover, definition, references, highlights, rename) are
    // asked at places of one role at every size: the same kind of line and the same name (its
    // digits aside), so that their times compare from n to 4n.
    test.each((SHAPES as Shape[]).map(shape => [shape.name, shape] as const))('%s: the places asked at have one role at n, 2n and 4n', (_name, shape) => {
        const roles = [1, 2, 4].map(k => {
            const text = Object.values(shape.files(k * shape.n * SCALE)).at(-1)!;
            const lines = text.split('\n');
            return (samplePositions(text) as { line: number; character: number }[]).map(({ line, character }) => {
                const name = lines[line].slice(character).match(/^[^\s,;:.!\][(){}<>"']*/)![0];
                return `${lines[line].trim().split(/\s+/)[0]} ${name}`.replace(/\d+/g, '0');
            });
        });
        expect(roles[1]).toEqual(roles[0]);
        expect(roles[2]).toEqual(roles[0]);
    });

    // One workspace for every shape (each run's files are removed after it): the parser is built once.
    let shared: unknown;
    test.runIf(!ASSERT_GROWTH).each((SHAPES as Shape[]).map(shape => [shape.name, shape] as const))('%s: every stage, once', async (_name, shape) => {
        shared ??= sweepServices();
        const { failures } = await bestStageTimes(shape.files(shape.n), 1, shared);
        expect(failures).toEqual({});
    });

    test.runIf(ASSERT_GROWTH).each((SHAPES as Shape[]).map(shape => [shape.name, shape] as const))('%s: every stage at n, 2n and 4n', { timeout: 600_000 }, async (_name, shape) => {
        const services = sweepServices();
        // A first run compiles what the stages run, so that the smallest size is not timed cold.
        await bestStageTimes(shape.files(shape.n * SCALE), 1, services);
        const measurements = [];
        const failures: Record<string, string> = {};
        for (const k of [1, 2, 4]) {
            const files = shape.files(k * shape.n * SCALE);
            const result = await bestStageTimes(files, RUNS, services);
            Object.assign(failures, result.failures);
            measurements.push({ characters: Object.values(files).reduce((sum, text) => sum + text.length, 0), times: result.times, gcTimes: result.gcTimes });
        }
        const growth: Record<string, StageGrowth> = growthOf(measurements, FLOOR_MS);
        console.log(describeGrowth(shape.name, measurements.map(m => m.characters), growth, shape.steeper));
        expect(failures).toEqual({});
        const steep = Object.entries(growth)
            .filter(([stage, g]) => g.exponent !== undefined && g.exponent > MAX_EXPONENT && !shape.steeper?.[stage])
            .map(([stage, g]) => `${stage} ${g.ms.map(ms => ms.toFixed(0)).join('/')} ms (${g.exponent!.toFixed(2)})`);
        expect(steep, `${shape.name}: ${shape.what}`).toEqual([]);
    });
});
