import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs --count
import { ExecutedBlocks } from '../helpers/executed-blocks.mjs';

/**
 * Paths the full-size growth sweep (`node bench/pathological.mjs --growth`) found growing
 * faster than their input, checked by counting the JavaScript they execute at two sizes
 * (V8's counts, which do not depend on the load, unlike a time): twice the input must cost
 * about twice the work, where the quadratic path cost four times as much.
 */
const counter = await ExecutedBlocks.start();
const { buildWorkspace } = await import('../helpers/workspace.js');
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs
const { executedBlocks, stageTimes, sweepServices } = await import('./growth.mjs');
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs
const { SHAPES } = await import('./shapes.mjs');
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs
const { wrappedAttendance } = await import('./inputs.mjs');
afterAll(() => counter.stop());

/** The blocks executed in the scripts matching `scripts` by validating these files. */
async function validated(files: Record<string, string>, scripts: RegExp): Promise<number> {
    const { services, documents } = await buildWorkspace(files, { validation: false });
    return counter.count(scripts, () => services.shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true }));
}

describe('work in proportion to the input', () => {
    test('people of one name: each clash message names a few of the others without passing over all of them', async () => {
        // Each person's message filtered the whole group for its others: 12,800 people of one
        // name took 2.4 s to validate (people-one-name, 549/849/2,372 ms at n, 2n, 4n).
        const directory = (count: number) => Array.from({ length: count }, (_, i) => `person @js${i} John Smith\n  alias: Johnny\n`).join('\n');
        const clashes = /validation\/(name-clashes|directory-rules)\./;
        const small = await validated({ 'directory.minutes': directory(500) }, clashes);
        const large = await validated({ 'directory.minutes': directory(1_000) }, clashes);
        expect(large / small).toBeLessThan(2.3);
    });

    test('parts of a meeting: the document symbols find the last turn of each part in one pass', async () => {
        // Each part (`discussion:`, `q&a:`…) searched every item of the document for its turns:
        // 10,240 parts took 23 s for the document symbols (segments, 821/3,692/23,361 ms).
        const meeting = (count: number) => ['meeting: Parts', 'date: 2018-03-19', '',
            ...Array.from({ length: count }, (_, i) => [`${['discussion', 'q&a', 'floor'][i % 3]}: Part ${i}`, `@mcade: Point ${i}.`, '']).flat()].join('\n') + '\n';
        const symbols = async (count: number) => {
            const { services, documents } = await buildWorkspace({ 'directory.minutes': 'person @mcade Marilyn Cade\n', 'parts.minutes': meeting(count) });
            const document = documents['parts.minutes'];
            return counter.count(/lsp\/minutes-document-symbol-provider\./, () =>
                services.Minutes.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }));
        };
        const small = await symbols(300);
        const large = await symbols(600);
        expect(large / small).toBeLessThan(2.3);
    });

    test('the growth sweep counted (`bench/pathological.mjs --growth --count`): every stage measured in blocks executed, in proportion to the input', async () => {
        const meter = executedBlocks(counter);
        const services = sweepServices();
        const shape = SHAPES.find((s: { name: string }) => s.name === 'meetings');
        const only = (stage: string) => ['lex', 'parse', 'validate', 'email:none'].includes(stage);
        await stageTimes(shape.files(shape.n), services, only, meter); // what is done once (caches, lazy services)
        const small = await stageTimes(shape.files(4 * shape.n), services, only, meter);
        const large = await stageTimes(shape.files(8 * shape.n), services, only, meter);
        expect(small.failures).toEqual({});
        for (const stage of ['lex', 'parse', 'validate', 'email:none']) {
            expect(small.times[stage], stage).toBeGreaterThan(1_000);
            expect(large.times[stage] / small.times[stage], stage).toBeGreaterThan(1.6);
            expect(large.times[stage] / small.times[stage], stage).toBeLessThan(2.4);
        }
    });

    test('attendee lists wrapped onto lines of names: read once, however many lines, closed or not', async () => {
        // Each line of names is asked whether it goes on with a list (the lexer, from the line before)
        // and each label's lines of names are read once (model/structure.ts): no line is read again
        // for each line before it, in a list that never closes either (wrappedAttendance's last list).
        const files = (count: number) => {
            const { directory, meeting } = wrappedAttendance(count) as { directory: string; meeting: string };
            return { 'directory.minutes': directory, 'meeting.minutes': meeting };
        };
        const work = /(parser\/minutes-lexer|model\/structure|validation\/attendance-rules)\./;
        const read = (count: number) => counter.count(work, () => buildWorkspace(files(count)));
        const small = await read(1_000);
        const large = await read(2_000);
        expect(large / small).toBeLessThan(2.3);
        expect(large / small).toBeGreaterThan(1.7);
    });

    test('a file over the limit is not read: the same work at 10 MB and at 20 MB', async () => {
        // Refused with one diagnostic before the lexer sees it (MAX_DOCUMENT_LENGTH): nothing may walk its text.
        const { MAX_DOCUMENT_LENGTH } = await import('../../src/parser/minutes-lexer.js');
        const overLimit = (times: number) => 'meeting: A very long report\n' + 'He said it again. '.repeat(times * MAX_DOCUMENT_LENGTH / 18 + 1);
        const everything = /packages\/language\/src|node_modules\/(langium|vscode)/;
        const built = (times: number) => counter.count(everything, async () => {
            const { documents } = await buildWorkspace({ 'huge.minutes': overLimit(times) });
            expect(documents['huge.minutes'].parseResult.value.blocks).toEqual([]);
            expect(documents['huge.minutes'].diagnostics).toHaveLength(1);
        });
        await built(1); // what is done once (caches, lazy services)
        const small = await built(1);
        const large = await built(2);
        // Twice the characters, the same work: what walked the text (the lexer, a line index) would double it.
        expect(large / small).toBeLessThan(1.2);
    });
});
