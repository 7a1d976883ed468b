import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateEmail } from '../../src/generation/email.js';
import { generateMarkdown } from '../../src/generation/markdown.js';
import type { Document } from '../../src/generated/ast.js';
import { withDirectory } from '../helpers/fixtures.js';
import { blankLineFidelity } from './blank-lines.js';
import { corpusAndExamples } from './corpus.js';

const FORMATS = {
    email: (document: Document) => generateEmail(document, { width: Number.POSITIVE_INFINITY }),
    markdown: (document: Document) => generateMarkdown(document)
};

/**
 * A blank line the note-taker wrote between two blocks of text stays in the email and the
 * Markdown (a paragraph, a list item, a numbered paragraph, a bullet of a round, an action,
 * a quote): over every corpus record and example, and over a note that writes each.
 */
describe('blank lines: the corpus and the examples', async () => {
    const all = await corpusAndExamples();
    const figures = all.flatMap(({ name, document }) => (Object.keys(FORMATS) as Array<keyof typeof FORMATS>).map(format => ({
        name, format, ...blankLineFidelity(document, FORMATS[format](document))
    })));

    test('the figures: gaps checked, units found in the outputs', () => {
        console.table(figures.map(({ name, format, gaps, inTables, found, units }) => ({ name, format, gaps, inTables, found, units })));
        const total = (key: 'gaps' | 'found' | 'units') => figures.reduce((sum, row) => sum + row[key], 0);
        expect(total('gaps')).toBeGreaterThan(1000);
        // Units with long runs of names between their words are not found (MAX_GAP); they are few.
        expect(total('found') / total('units')).toBeGreaterThan(0.98);
    });

    for (const { name, format, closedAt } of figures) {
        test(`${name}, ${format}: no blank line of the source lost`, () => {
            expect(closedAt).toEqual([]);
        });
    }
});

describe('blank lines: a note that writes one between each kind of block', async () => {
    const document = (await withDirectory(readFileSync(new URL('../fixtures/fidelity/blank-lines.minutes', import.meta.url), 'utf8'))).parseResult.value;

    test.each(Object.keys(FORMATS) as Array<keyof typeof FORMATS>)('%s keeps each', format => {
        const figures = blankLineFidelity(document, FORMATS[format](document));
        expect(figures.found).toBe(figures.units);
        expect(figures.gaps).toBe(12);
        expect(figures.closedAt).toEqual([]);
        // Markdown's actions are a table, whose rows have no blank line between them (docs/limits.md).
        expect(figures.inTables).toBe(format === 'markdown' ? 1 : 0);
    });

    test('the check can fail: a blank line closed in a list, or in a round, is found', () => {
        const email = FORMATS.email(document);
        const closed = (from: string, to: string) => blankLineFidelity(document, email.replace(from, to)).closedAt;
        expect(closed('2. Budget lines\n\n3.', '2. Budget lines\n3.')).toEqual(['Any other business']);
        expect(closed('round.\n\n- Sam', 'round.\n- Sam')).toEqual(['noted the third bullet after a blank line']);
    });
});
