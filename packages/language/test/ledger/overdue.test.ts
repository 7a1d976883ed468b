import { describe, expect, test } from 'vitest';
import { buildActionLedger } from '../../src/ledger/action-ledger.js';
import { isIsoDate, localIsoDate, overdueActions } from '../../src/ledger/overdue.js';
import { buildFixture } from '../helpers/fixtures.js';

async function overdueOn(today: string): Promise<Array<[string, string, number]>> {
    const { documents } = await buildFixture('series');
    return overdueActions(buildActionLedger(Object.values(documents)), today).map(o => [o.action.id, o.due, o.daysLate]);
}

describe('overdue actions', () => {
    // The series ends with #mag-letter open, due 2018-06-30; every other dated action is closed.
    test('due today is not overdue; due yesterday is', async () => {
        expect(await overdueOn('2018-06-30')).toEqual([]);
        expect(await overdueOn('2018-07-01')).toEqual([['mag-letter', '2018-06-30', 1]]);
        expect(await overdueOn('2019-06-30')).toEqual([['mag-letter', '2018-06-30', 365]]);
    });

    test('closed actions and actions without a due date are never overdue', async () => {
        // wsis-report (done), ig-paper (done), outreach-plan (dropped) were all due before 2018-06-01.
        // 2018-06-30 → 2029-06-30: 11 × 365 + 3 leap days (2020, 2024, 2028) = 4018; → 2029-07-01: 1; → 2030-01-01: 184.
        expect(await overdueOn('2030-01-01')).toEqual([['mag-letter', '2018-06-30', 4018 + 1 + 184]]);
    });

    test('dates', () => {
        expect(isIsoDate('2018-02-28')).toBe(true);
        expect(isIsoDate('2018-02-29')).toBe(false);
        expect(isIsoDate('28 February 2018')).toBe(false);
        expect(localIsoDate(new Date(2018, 0, 5, 23, 59))).toBe('2018-01-05');
    });
});
