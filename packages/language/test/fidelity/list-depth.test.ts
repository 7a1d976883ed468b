import { describe, expect, test } from 'vitest';
import { loadFixtures, withDirectory } from '../helpers/fixtures.js';
import { corpusAndExamples } from './corpus.js';
import { compareBullets, depthDifferences, outputBullets, sourceBullets } from './list-depth.js';

/**
 * Every bullet of a note is printed at the depth its indentation says (a nested bullet that starts
 * with a speaker, `  * @Rich has created a stub`, left its list and took the bullets after it,
 * `nodejs-tsc-2018-04-11` 40): over every corpus record, example and generator fixture, the
 * bullets of the render model, in order, against the source's lines.
 */
describe('list depth: the corpus, the examples and the fixtures', async () => {
    const fixtures = Object.entries(await loadFixtures())
        .filter(([name]) => name !== 'directory.minutes')
        .map(([name, document]) => ({ name: `fixtures/generation/${name}`, document: document.parseResult.value }));
    const all = [...await corpusAndExamples(), ...fixtures];
    const figures = all.map(({ name, document }) => ({ name, bullets: sourceBullets(document).length, differences: depthDifferences(document) }));

    test('the figures: bullets compared', () => {
        console.table(figures.map(({ name, bullets, differences }) => ({ name, bullets, differences: differences.length })));
        expect(figures.reduce((sum, row) => sum + row.bullets, 0)).toBeGreaterThan(400);
    });

    for (const { name, differences } of figures) {
        test(`${name}: every bullet at the depth its indentation says`, () => {
            expect(differences).toEqual([]);
        });
    }
});

describe('list depth: the check', () => {
    const NOTE = 'meeting: T\ndate: 2018-04-11\n\n* Tracking issue.\n  * Stub created by [Anna](https://example.org).\n    continued\n* Next item.\n';

    test('reads the depth of each bullet in the source and in the render model', async () => {
        const document = (await withDirectory(NOTE)).parseResult.value;
        expect(sourceBullets(document).map(bullet => [bullet.line, bullet.depth])).toEqual([[4, 0], [5, 1], [7, 0]]);
        expect(outputBullets(document).map(bullet => [bullet.text, bullet.depth])).toEqual([
            ['Tracking issue.', 0], ['Stub created by Anna. continued', 1], ['Next item.', 0]
        ]);
        expect(depthDifferences(document)).toEqual([]);
    });

    test('can fail: a bullet printed at another depth, another bullet in its place, a bullet missing', async () => {
        const document = (await withDirectory(NOTE)).parseResult.value;
        const source = sourceBullets(document);
        const output = outputBullets(document);
        expect(compareBullets(source, output.map((bullet, i) => i === 2 ? { ...bullet, depth: 1 } : bullet)))
            .toEqual(['line 7: "* Next item." at depth 0 is printed at depth 1']);
        expect(compareBullets(source, [output[0], output[2], output[1]])).toEqual(['line 5: "* Stub created by [Anna](https://example.org)." is printed as "Next item."']);
        expect(compareBullets(source, output.slice(0, 2))).toEqual(['line 7: "* Next item." is no bullet of the output']);
    });
});
