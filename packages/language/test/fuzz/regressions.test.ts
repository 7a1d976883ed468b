import { beforeAll, describe, expect, test } from 'vitest';
import { FuzzWorkspace } from './document-checks.js';
import { readRegressions } from './fuzz-config.js';

/**
 * Every input that fuzzing (or a user) found to break a property, replayed with all the
 * fuzzing properties and the language features probed at many positions: at every
 * offset of a short text, at 400 evenly spread ones of a longer one, and past the end.
 */
const regressions = readRegressions();
let workspace: FuzzWorkspace;

beforeAll(async () => {
    workspace = await FuzzWorkspace.create();
});

describe('regression fixtures (test/fixtures/regressions)', () => {
    test('there are some', () => {
        expect(regressions.length).toBeGreaterThan(0);
    });

    test.each(regressions.map(r => [r.name, r.text] as const))('%s', async (_name, text) => {
        const count = Math.min(text.length + 1, 400);
        const probes = Array.from({ length: count }, (_, i) => ({ at: count === 1 ? 0 : i / (count - 1), overshoot: 0, length: 3 }));
        probes.push({ at: 1, overshoot: 3, length: 0 }, { at: 0, overshoot: 7, length: 0 });
        await expect(workspace.check(text, probes)).resolves.toBeDefined();
    });
});
