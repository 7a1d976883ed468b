import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES_FOLDER, exampleNames } from '../helpers/examples.js';
import { AWKWARD_TEXT, generatedDocument, inlinePiece, mutated, probe, transcript, type Probe } from './arbitraries.js';
import { importTranscript } from '../../src/import/importer.js';
import { TRANSCRIPT_FORMATS } from '../../src/import/transcript.js';
import { FuzzWorkspace, type CaseOutcome } from './document-checks.js';
import { fuzzSettings, runProperty, type PropertyRun } from './fuzz-config.js';

/**
 * Property-based and mutation fuzzing of everything that reads a Minutes document (see
 * document-checks.ts for the properties). `npm test` runs a short fixed-seed run of each
 * property; `npm run fuzz` runs them long (FUZZ_RUNS, FUZZ_SECONDS, FUZZ_SEED).
 */
const settings = fuzzSettings();
const examples = exampleNames().map(name => ({ name, text: readFileSync(path.join(EXAMPLES_FOLDER, name), 'utf8') }));
const probes = fc.array(probe, { minLength: 1, maxLength: 3 });

let workspace: FuzzWorkspace;
const runs: PropertyRun[] = [];
const outcomes: CaseOutcome[] = [];

beforeAll(async () => {
    workspace = await FuzzWorkspace.create();
});

afterAll(() => {
    const cases = runs.reduce((sum, run) => sum + run.runs, 0);
    const clean = outcomes.filter(outcome => outcome.clean).length;
    const slowest = Math.max(0, ...outcomes.map(outcome => outcome.milliseconds));
    console.log(`fuzz (seed ${settings.seed}): ${cases} cases — ${runs.map(run => `${run.name} ${run.runs}`).join(', ')}; `
        + `${clean} validated without errors (generators had to succeed); slowest build ${slowest.toFixed(0)} ms; `
        + `${runs.filter(run => run.failed).length} properties failed`);
});

/** Runs a property over texts and expects it to hold, printing the shrunk input when it does not. */
async function fuzz(name: string, shortRuns: number, texts: fc.Arbitrary<string>): Promise<void> {
    const property = fc.asyncProperty(texts, probes, async (text: string, where: Probe[]) => {
        outcomes.push(await workspace.check(text, where));
    });
    const run = await runProperty(name, settings, shortRuns, property, ([text]) => text);
    runs.push(run);
    expect(run.failed, run.report).toBe(false);
}

// Long runs are bounded by FUZZ_SECONDS per property, not by vitest's timeout.
const timeout = settings.long ? 0 : 60_000;

describe('fuzzing: every input is taken calmly', () => {
    test('every example as it is, probed at many positions', async () => {
        for (const { name, text } of examples) {
            const where = Array.from({ length: 25 }, (_, i) => ({ at: i / 24, overshoot: i === 24 ? 5 : 0, length: 40 }));
            await expect(workspace.check(text, where), name).resolves.toBeDefined();
        }
    }, timeout);

    test('documents built from every construct of the language', () => fuzz('generated', 150, generatedDocument), timeout);

    test('generated documents, mutated', () => fuzz('generated-mutated', 100, mutated(generatedDocument)), timeout);

    test('the examples, mutated: insertions, deletions, truncations, duplicated and swapped lines, line ends', () =>
        fuzz('example-mutated', 30, mutated(fc.constantFrom(...examples.map(example => example.text)), 8)), timeout);

    test('imported transcripts (captions, WebVTT, chat, and text in any format): the imported file is taken calmly too', () =>
        fuzz('imported', 60, fc.tuple(transcript, fc.constantFrom(undefined, ...TRANSCRIPT_FORMATS)).map(([source, format]) => {
            const scope = workspace.services.Minutes.references.ScopeProvider.scopeFor('Party');
            return importTranscript(source, { sourceName: 'fuzz.txt', format, scope }).text;
        })), timeout);

    test('random text: any code unit (NUL, lone surrogates, CR), graphemes and awkward sequences', () =>
        fuzz('random', 100, fc.oneof(
            fc.string({ unit: 'binary', maxLength: 400 }),
            fc.string({ unit: 'grapheme', maxLength: 400 }),
            fc.array(fc.oneof(inlinePiece, fc.constantFrom(...AWKWARD_TEXT)), { maxLength: 60 }).map(pieces => pieces.join(''))
        )), timeout);
});
