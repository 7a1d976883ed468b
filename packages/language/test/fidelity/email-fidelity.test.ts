import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateEmail } from '../../src/generation/email.js';
import { loadExamples } from '../helpers/examples.js';
import { firstMissingUnit, SEED_BODIES, seedSentences } from './seed-bodies.js';

const seedsFolder = new URL('../fixtures/seeds/', import.meta.url);

/**
 * The email of each example carries every sentence of the seed it was written from, in
 * the seed's order: what was circulated can be circulated again from the Minutes file.
 * Wrapping inserts line breaks, so white space runs compare as one space. A turn's
 * qualifiers (`[presented by Marilyn]`) are the example's annotations, not the seed's
 * words: the email shows them where they are written, right after the name, so they are
 * left out of the comparison.
 */
describe('the email of each example contains every sentence of its seed, in order', async () => {
    const examples = await loadExamples();
    for (const body of SEED_BODIES) {
        for (const width of [72, 40]) {
            test(`${body.seed} → ${body.example} (wrapped at ${width})`, () => {
                const example = examples.get(body.example);
                expect(example, `examples/${body.example} exists`).toBeDefined();
                const units = seedSentences(readFileSync(new URL(body.seed, seedsFolder), 'utf8'), body);
                expect(units.length).toBeGreaterThan(20);
                const email = withoutQualifiers(generateEmail(example!.parseResult.value, { width }));
                const missing = firstMissingUnit(units, email);
                expect(missing === -1 ? 'all found' : `unit ${missing} of ${units.length} not found in order: "${units[missing]}"`).toBe('all found');
            });
        }
    }

    test('the check can fail: a changed word or two swapped sentences are caught', () => {
        const body = SEED_BODIES[0];
        const units = seedSentences(readFileSync(new URL(body.seed, seedsFolder), 'utf8'), body);
        const email = withoutQualifiers(generateEmail(examples.get(body.example)!.parseResult.value));
        expect(firstMissingUnit(units, email)).toBe(-1);
        expect(firstMissingUnit(units, email.replace('cybersecuirty', 'cybersecurity'))).toBeGreaterThanOrEqual(0);
        const swapped = [...units];
        [swapped[10], swapped[11]] = [swapped[11], swapped[10]];
        expect(firstMissingUnit(swapped, email)).toBeGreaterThanOrEqual(0);
    });
});

function withoutQualifiers(email: string): string {
    return email.replace(/ \[[^\]]*\]/g, '');
}
