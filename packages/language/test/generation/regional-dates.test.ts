import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { buildActionLedger } from '../../src/ledger/action-ledger.js';
import { parseDate } from '../../src/model/dates.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { parse } from '../helpers/workspace.js';

/**
 * A note tagged with a regional variant reads its dates in that variant first: `fév.` is
 * February in Moroccan French (`fr-MA`), and no other language Minutes reads writes it so.
 * Every reader of a meeting's date (the outline, the eml's Date, the ledger's meeting dates
 * and moved due dates, the validator's meeting date) passes the meeting's language.
 */
const NOTE = [
    'meeting: Réunion du bureau',
    'language: fr-MA',
    'date: 12 fév. 2024',
    '',
    'action #budget due 2024-02-01: Préparer le budget.',
    'update #budget moved to 20 fév. 2024: Le trésorier est absent.',
    ''
].join('\n');

describe('a date only the regional variant reads', async () => {
    const document = await parse(NOTE);

    test('the date is one that only fr-MA reads', () => {
        expect(parseDate('12 fév. 2024').ok).toBe(false);
        expect(parseDate('12 fév. 2024', 'fr-MA')).toMatchObject({ ok: true, value: { start: { year: 2024, month: 2, day: 12 } } });
    });

    test('the validator accepts the date, and compares the due date with it', () => {
        const diagnostics = document.diagnostics ?? [];
        expect(diagnostics.filter(d => d.data?.code === IssueCodes.InvalidDate)).toEqual([]);
        // Due 1 February, agreed on 12 February: only a meeting date read in fr-MA says so.
        expect(diagnostics.map(d => d.data?.code)).toContain(IssueCodes.ActionDueBeforeMeeting);
    });

    test('the outline (JSON) gives the days of the date', async () => {
        const json = JSON.parse(await generate(document, 'json')) as { date: unknown; meetings: Array<{ date: unknown }> };
        expect(json.meetings[0].date).toEqual({ written: '12 fév. 2024', start: '2024-02-12', end: '2024-02-12' });
        expect(json.date).toEqual(json.meetings[0].date);
    });

    test('the eml is dated that day; --date is read in the note\'s language too', async () => {
        const options = { from: 'Bureau <bureau@example.org>', to: 'membres@example.org' };
        expect(await generate(document, 'eml', options)).toMatch(/\r\nDate: Mon, 12 Feb 2024 12:00:00 \+0000\r\n/);
        expect(await generate(document, 'eml', { ...options, date: '13 fév. 2024' })).toMatch(/\r\nDate: Tue, 13 Feb 2024 12:00:00 \+0000\r\n/);
    });

    test('the ledger dates the meeting and reads the moved due date', () => {
        const ledger = buildActionLedger([document]);
        const [action] = ledger.actions;
        expect(action.place.isoDate).toBe('2024-02-12');
        expect(action.current.due).toBe('2024-02-20');
    });
});
