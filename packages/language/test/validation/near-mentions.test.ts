import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { parse } from '../helpers/workspace.js';

const DIRECTORY = 'person @mcade Marilyn Cade\n';

describe('an @ right after _, - or +', () => {
    test('is not a mention, and a warning says so where it is (the name would stay as written under the Chatham House Rule)', async () => {
        const document = await parse([
            'meeting: A call', 'date: 2018-03-19', '',
            'As _@mcade_ said.', 'The S-@mcade line.', 'A +@mcade vote.',
            'Write to first_last@example.org, a+b@example.org or a-b@example.org.', 'As @mcade said.', ''
        ].join('\n'), DIRECTORY);
        const warnings = (document.diagnostics ?? []).filter(d => d.code === IssueCodes.NotAMention);
        expect(warnings.map(d => [d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([[3, 3, 11], [4, 5, 12], [5, 2, 9]]);
        expect(warnings[0].message).toBe("'_@mcade_' is not a mention: an @ right after '_' belongs to the word, as in an e-mail address, so the name stays as written (under the Chatham House Rule too). Put a space before the @, or write \\@ to keep it as text.");
    });
});
