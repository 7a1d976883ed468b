import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { AWKWARD_TEXT, generatedDocument, inlinePiece } from '../fuzz/arbitraries.js';
import { FuzzWorkspace, hasLoneSurrogate } from '../fuzz/document-checks.js';
import { fuzzSettings } from '../fuzz/fuzz-config.js';
import { hostileDocument } from './hostile.js';

/**
 * The JSON output is valid JSON that follows its schema for any document that validates,
 * whatever its text holds: control characters (escaped), NUL, lone surrogates (U+FFFD, not
 * an escape that names no character), CR, bidi controls, markup. Raw, it is well-formed
 * UTF-8 text.
 */
const schema = JSON.parse(readFileSync(new URL('../../schemas/minutes.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const settings = fuzzSettings();

function expectSound(json: string): void {
    const value = JSON.parse(json);
    expect(validate(value) ? [] : validate.errors).toEqual([]);
    // Control characters appear only escaped; no lone surrogate, raw or escaped.
    expect(json).not.toMatch(/[\u0000-\u001F](?<!\n)/);
    expect(hasLoneSurrogate(json)).toBe(false);
    expect(json).not.toMatch(/(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F][0-9a-fA-F]{2}/);
    expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
}

let workspace: FuzzWorkspace;

beforeAll(async () => {
    workspace = await FuzzWorkspace.create();
});

describe('the JSON output', () => {
    test('of the hostile document: valid, schema-conforming, every payload kept as a string', async () => {
        const json = await generate(await hostileDocument(), 'json');
        expectSound(json);
        expect(JSON.parse(json).title).toContain("</title><script>pwned('title')</script>");
    });

    test('of text with NUL, other control characters, lone surrogates and CR', async () => {
        const { document, clean } = await workspace.withDocument('meeting: Call\u0000 \u001B[31m red \uD800 half \uDC00\rdate: 2024-01-05\n\nNotes \u0007 with a bell and \uDBFF\u2028 a separator.\n', async built => ({
            document: await generate(built, 'json'),
            clean: !(built.diagnostics ?? []).some(d => d.severity === 1)
        }));
        expect(clean).toBe(true);
        expectSound(document);
        const value = JSON.parse(document);
        expect(value.title).toBe('Call\u0000 \u001B[31m red \uFFFD half \uFFFD');
    });

    test('of generated documents that validate: valid and schema-conforming (property)', async () => {
        let clean = 0;
        const texts = fc.oneof(
            generatedDocument,
            fc.array(fc.oneof(inlinePiece, fc.constantFrom(...AWKWARD_TEXT)), { maxLength: 30 }).map(pieces => `meeting: ${pieces.join(' ')}\ndate: 2024-01-05\n\n${pieces.reverse().join('')}\n`)
        );
        await fc.assert(fc.asyncProperty(texts, async text => {
            await workspace.withDocument(text, async document => {
                if ((document.diagnostics ?? []).some(d => d.severity === 1)) return;
                clean++;
                expectSound(await generate(document, 'json'));
            });
        }), { seed: settings.seed, numRuns: settings.runs ?? 120, interruptAfterTimeLimit: settings.seconds ? settings.seconds * 1000 : undefined });
        // The property said something: enough of the inputs validated.
        expect(clean).toBeGreaterThan(10);
    }, settings.long ? 0 : 60_000);
});
