import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { loadExamples } from '../helpers/examples.js';

// The samples the README shows are the generators' real output: regenerate them with
// `node scripts/generation-examples.mjs` (after the build) when this fails.
describe('the samples in docs/', async () => {
    const examples = await loadExamples();

    test('docs/email-example.txt is the email of examples/ccwg-ig-wsis-forum-2018.minutes', async () => {
        const sample = readFileSync(new URL('../../../../docs/email-example.txt', import.meta.url), 'utf8');
        const email = await generate(examples.get('ccwg-ig-wsis-forum-2018.minutes')!, 'email');
        expect(sample).toBe(email);
    });

    test('docs/html-example.png is a PNG screenshot', () => {
        const png = readFileSync(new URL('../../../../docs/html-example.png', import.meta.url));
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        // Width and height (IHDR): the top of the page at 960 pixels.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([960, 1500]);
    });
});
