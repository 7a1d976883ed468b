import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: plain JavaScript, the script that writes the table
import { formatTable, measureCorpus, README, rowsChanged, tableIn } from '../../../scripts/corpus-table.mjs';

// corpus/README.md's table "What the language cannot express yet" is the CLI's figures for
// each record (the bundle vitest's global set-up has just written): run `npm run corpus:table`
// when this fails, and check the README's prose against the rows that changed.
describe('corpus/README.md', () => {
    test('its table of words lost, breaks, errors and warnings is what the CLI makes of each record today', async () => {
        const written = tableIn(readFileSync(README, 'utf8')) as string;
        const computed = formatTable(await measureCorpus()) as string;
        const changed = rowsChanged(written, computed) as string[];
        expect(changed, `the table is stale: run npm run corpus:table (rows written, then computed):\n${changed.join('\n')}`).toEqual([]);
    });
});
