import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten } from '../../src/generation/render-model.js';
import { structureOf } from '../../src/model/structure.js';
import { withDirectory } from '../helpers/fixtures.js';

/** W3C's and the IETF's outcome words (issue 13), as the corpus's records write them. */
const NOTE = [
    'meeting: Process CG',
    'date: 2025-10-08',
    'from: notes@example.org',
    'to: list@example.org',
    '',
    '@ssmith: I propose we close the issue.',
    '',
    'RESOLVED: Close issue 120, file a follow-up.',
    '',
    'RESOLUTION: Adopt the glossary as a Note.',
    '',
    'Consensus: adopt the draft.',
    '',
    'Hums:',
    '- Result of hum: strong support for adoption',
    ''
].join('\n');

describe('other communities\' outcome words', async () => {
    const document = await withDirectory(NOTE);
    const meeting = structureOf(document.parseResult.value).meetings[0];

    test('parse as outcomes of their kind, the hums one per bullet', () => {
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        expect(meeting.outcomes.map(group => [group.outcome.key, group.kind, group.plural])).toEqual([
            // The syntax tree holds the key as the vocabulary spells it; outputs read the written word.
            ['resolved:', 'decision', false],
            ['resolution:', 'decision', false],
            ['consensus:', 'decision', false],
            ['hums:', 'conclusion', true]
        ]);
    });

    test('the outline labels each with the word as written', () => {
        const outcomes = flatten(outlineOf(document.parseResult.value).blocks).flatMap(block => block.kind === 'outcome' ? [block.outcome] : []);
        expect(outcomes.map(outcome => [outcome.label, outcome.kind])).toEqual([
            ['RESOLVED', 'decision'], ['RESOLUTION', 'decision'], ['Consensus', 'decision'], ['Hums', 'conclusion']
        ]);
    });

    test.each(['email', 'markdown', 'html', 'eml'] as const)('%s prints the words as written', async format => {
        const output = (await generate(document, format)).replace(/<[^>]+>|\*\*/g, '');
        for (const written of ['RESOLVED: Close issue 120', 'RESOLUTION: Adopt the glossary', 'Consensus: adopt the draft.', 'Hums', 'Result of hum: strong support']) {
            expect(output, written).toContain(written);
        }
    });

    test('JSON gives the kind and the written label; with attribution none the words stay', async () => {
        const json = await generate(document, 'json');
        expect(json.replace(/\s+/g, '')).toContain('"label":"RESOLVED"');
        const anonymous = await generate(document, 'email', { attribution: 'none' });
        expect(anonymous).toContain('RESOLVED: Close issue 120');
        expect(anonymous).not.toContain('Sam Smith');
    });
});
