import { afterAll, describe, expect, test } from 'vitest';
import { ExecutedBlocks } from '../helpers/executed-blocks.js';

/**
 * Paths the full-size growth sweep (`node bench/pathological.mjs --growth`) found growing
 * faster than their input, checked by counting the JavaScript they execute at two sizes
 * (V8's counts, which do not depend on the load, unlike a time): twice the input must cost
 * about twice the work, where the quadratic path cost four times as much.
 */
const counter = await ExecutedBlocks.start();
const { buildWorkspace } = await import('../helpers/workspace.js');
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
});
