import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const HELPER = fileURLToPath(new URL('../helpers/trees-die-young.mjs', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../../examples/', import.meta.url));

/** Bytes promoted to V8's old generation per character of the examples, each read and dropped (see the helper). */
function promotedPerCharacter(step: 'parse' | 'structure'): number {
    const files = readdirSync(EXAMPLES).filter(file => file.endsWith('.minutes')).map(file => path.join(EXAMPLES, file));
    const output = execFileSync(process.execPath, ['--expose-gc', '--no-allocation-site-pretenuring', HELPER, step, ...files], { encoding: 'utf8' });
    return (JSON.parse(output) as { promotedPerCharacter: number }).promotedPerCharacter;
}

describe('a document dropped after its structure was built', () => {
    // What is derived from a tree must not keep it through V8's young collections: a WeakMap
    // value that leads back to its key did, and every file of a check was copied to the old
    // generation (util/object-facts.ts; docs/performance.md, "Trees that die young").
    // Measured: 0.1 byte per character for the parse alone, 1.4–1.6 with the structure (what
    // is promoted then is the process's own, not the trees), 4.5–4.8 when the structure's facts
    // were WeakMap values.
    test('is not promoted to the old generation with it', () => {
        expect(promotedPerCharacter('structure')).toBeLessThan(3);
    });
});
