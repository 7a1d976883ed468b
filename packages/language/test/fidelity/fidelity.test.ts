import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { textContent } from '../../src/model/text-content.js';
import { loadExamples } from '../helpers/examples.js';
import { firstMissingUnit, SEED_BODIES, seedSentences, unusedRules } from './seed-bodies.js';

const seedsFolder = new URL('../fixtures/seeds/', import.meta.url);

describe('every sentence of each seed is in its example, in order', async () => {
    const examples = await loadExamples();
    for (const body of SEED_BODIES) {
        test(`${body.seed} → ${body.example}`, () => {
            const seed = readFileSync(new URL(body.seed, seedsFolder), 'utf8');
            expect(unusedRules(seed, body).map(rule => rule.why)).toEqual([]);
            const units = seedSentences(seed, body);
            expect(units.length).toBeGreaterThan(20);
            const content = textContent(examples.get(body.example)!.parseResult.value);
            const missing = firstMissingUnit(units, content);
            expect(missing === -1 ? 'all found' : `unit ${missing} of ${units.length} not found in order: "${units[missing]}"`).toBe('all found');
        });
    }

    test('the check is not vacuous: a changed word or a swapped pair of sentences is caught', () => {
        const body = SEED_BODIES[0];
        const seed = readFileSync(new URL(body.seed, seedsFolder), 'utf8');
        const units = seedSentences(seed, body);
        const content = textContent(examples.get(body.example)!.parseResult.value);
        expect(firstMissingUnit(units, content.replace('cybersecuirty', 'cybersecurity'))).toBeGreaterThanOrEqual(0);
        const swapped = [...units];
        [swapped[10], swapped[11]] = [swapped[11], swapped[10]];
        expect(firstMissingUnit(swapped, content)).toBeGreaterThanOrEqual(0);
    });
});
