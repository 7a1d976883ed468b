import { describe, expect, test } from 'vitest';
import { generateEmail } from '../../src/generation/email.js';
import { buildWorkspace } from '../helpers/workspace.js';
import { corpusAndExamples } from './corpus.js';
import { headerWordsLost, wordFidelity, type WordFidelity } from './word-for-word.js';

/**
 * Issue 12's word-for-word test, over the corpus of real records and the examples: the
 * words of every prose line of a `.minutes` file are in its email, in order, and every
 * paragraph of more than one line is one paragraph of the email. The figures per document
 * and in total are printed as a table.
 */
describe('word for word: the corpus and the examples', async () => {
    const all = await corpusAndExamples();
    const figures = new Map<string, WordFidelity>(all.map(({ name, document }) => [name, wordFidelity(document)]));

    test('the figures, per document and in total', () => {
        const rows = [...figures].map(([name, f]) => ({ document: name, words: f.words, lost: f.lost, added: f.added, paragraphs: f.paragraphs, broken: f.broken }));
        const total = rows.reduce((sum, row) => ({
            document: 'total', words: sum.words + row.words, lost: sum.lost + row.lost, added: sum.added + row.added,
            paragraphs: sum.paragraphs + row.paragraphs, broken: sum.broken + row.broken
        }), { document: 'total', words: 0, lost: 0, added: 0, paragraphs: 0, broken: 0 });
        console.table([...rows, total]);
        expect(rows.length).toBeGreaterThanOrEqual(5);
        expect(total.words).toBeGreaterThan(1000);
    });

    for (const { name, document } of all) {
        test(`${name}: no word of a header field left out of the email`, () => {
            expect(headerWordsLost(document)).toEqual([]);
        });
    }

    for (const { name } of all) {
        test(`${name}: no word of a prose line lost, no paragraph broken`, () => {
            const f = figures.get(name)!;
            expect(f.lostAt).toEqual([]);
            expect(f.brokenAt).toEqual([]);
        });
    }

    test('the header check can fail: a field the email leaves out is found, the date (written readably) is not asked for', async () => {
        const { documents } = await buildWorkspace({ 'test.minutes': 'venue: Palais des Nations, Geneva\ndate: 2018-03-19\nchair: Marie Curie\n\nText.\n' });
        const document = documents['test.minutes'].parseResult.value;
        expect(headerWordsLost(document)).toEqual([]);
        expect(headerWordsLost(document, 'Date: 19 March 2018\nChair: Marie Curie\n\nText.\n')).toEqual(['Palais', 'des', 'Nations', 'Geneva']);
        expect(headerWordsLost(document, 'Venue: Palais des Nations, Geneva\n\nText.\n')).toEqual(['Marie', 'Curie']);
    });

    test('the check can fail: a word missing from the email, or a paragraph cut in two, is found', async () => {
        const { documents } = await buildWorkspace({
            'test.minutes': 'meeting: M\n\n@?: one line\nand the next.\n\nA paragraph\nover two lines.\n'
        });
        const document = documents['test.minutes'].parseResult.value;
        const email = generateEmail(document, { width: Number.POSITIVE_INFINITY });
        expect(wordFidelity(document, email)).toMatchObject({ lost: 0, broken: 0, paragraphs: 2 });
        expect(wordFidelity(document, email.replace('the next', 'next')).lostAt).toEqual(['one line and [the]']);
        expect(wordFidelity(document, email.replace('A paragraph over', 'A paragraph\n\nover')).brokenAt).toEqual(['A paragraph over two lines']);
    });
});
