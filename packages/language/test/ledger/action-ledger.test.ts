import { describe, expect, test } from 'vitest';
import { actionAsOf, buildActionLedger, earlierActionsOf, type ActionLedger } from '../../src/ledger/action-ledger.js';
import { buildWorkspace } from '../helpers/workspace.js';
import { buildFixture } from '../helpers/fixtures.js';

async function seriesLedger(): Promise<ActionLedger> {
    const { documents } = await buildFixture('series');
    return buildActionLedger(Object.values(documents));
}

describe('action ledger of a meeting series', () => {
    test('lists every action with where it was agreed, its owners and its identifier', async () => {
        const ledger = await seriesLedger();
        expect(ledger.actions.map(a => [a.id, a.written, a.place.isoDate, a.line, a.owners.map(o => o.name)])).toEqual([
            ['wsis-report', true, '2018-03-19', 17, ['nhickson']],
            ['ig-paper', true, '2018-03-19', 18, ['mcade']],
            ['2018-03-19-share-slides-cybercrime', false, '2018-03-19', 19, ['ttropina']],
            ['outreach-plan', true, '2018-04-23', 15, ['mshears']],
            ['mag-letter', true, '2018-06-04', 13, ['mcade', 'nhickson']]
        ]);
        expect(ledger.actions[0].place.title).toBe('CCWG-IG session at the WSIS Forum 2018');
        expect(ledger.actions[0].place.uri).toMatch(/2018-03-19-wsis-session\.minutes$/);
        expect(ledger.duplicates).toEqual([]);
    });

    test('follows updates: done closes, moved keeps open with a new due date, dropped closes', async () => {
        const ledger = await seriesLedger();
        const current = Object.fromEntries(ledger.actions.map(a => [a.id, [a.current.status, a.current.due, a.current.lastUpdate?.place.isoDate]]));
        expect(current).toEqual({
            'wsis-report': ['done', '2018-04-15', '2018-04-23'],
            'ig-paper': ['done', '2018-05-31', '2018-06-04'],
            '2018-03-19-share-slides-cybercrime': ['open', undefined, undefined],
            'outreach-plan': ['dropped', '2018-05-15', '2018-06-04'],
            'mag-letter': ['open', '2018-06-30', undefined]
        });
        const paper = ledger.find('#ig-paper')!;
        expect(paper.agreed).toEqual({ status: 'open', due: '2018-04-30' });
        expect(paper.updates.map(u => [u.status, u.movedTo, u.text])).toEqual([
            ['moved', '2018-05-31', 'The first draft needs comments from the group.'],
            ['done', undefined, 'Published on the wiki of the group.']
        ]);
    });

    test('status as of a meeting counts only the updates up to that meeting', async () => {
        const ledger = await seriesLedger();
        const [first, second] = ledger.meetings;
        const paper = ledger.find('ig-paper')!;
        expect(actionAsOf(paper, first)).toEqual({ status: 'open', due: '2018-04-30', lastUpdate: undefined });
        expect(actionAsOf(paper, second)).toMatchObject({ status: 'open', due: '2018-05-31' });
    });

    test('a meeting shows its own updates and the still-open actions of earlier meetings of its series', async () => {
        const ledger = await seriesLedger();
        const [first, second, third] = ledger.meetings;
        expect(earlierActionsOf(ledger, first)).toEqual({ reported: [], stillOpen: [], moreStillOpen: 0 });

        const atSecond = earlierActionsOf(ledger, second);
        expect(atSecond.reported.map(r => [r.update.id, r.state?.status, r.state?.due])).toEqual([
            ['wsis-report', 'done', '2018-04-15'],
            ['ig-paper', 'open', '2018-05-31']
        ]);
        expect(atSecond.stillOpen.map(s => s.action.id)).toEqual(['2018-03-19-share-slides-cybercrime']);

        const atThird = earlierActionsOf(ledger, third);
        expect(atThird.reported.map(r => [r.update.id, r.state?.status])).toEqual([['ig-paper', 'done'], ['outreach-plan', 'dropped']]);
        // wsis-report was closed at the second meeting: not shown again.
        expect(atThird.stillOpen.map(s => s.action.id)).toEqual(['2018-03-19-share-slides-cybercrime']);
    });
});

const directory = 'person @ann Ann Example\n';

describe('action ledger edge cases', () => {
    test('an identifier written twice is a duplicate; updates go to the first agreed', async () => {
        const { documents } = await buildWorkspace({
            'directory.minutes': directory,
            'a.minutes': 'meeting: A\ndate: 2018-01-10\n\naction #plan @ann: Plan it.\n',
            'b.minutes': 'meeting: B\ndate: 2018-02-10\n\naction #Plan @ann: Plan it again.\n',
            'c.minutes': 'meeting: C\ndate: 2018-03-10\n\nupdate #plan done: Planned.\n'
        });
        const ledger = buildActionLedger(Object.values(documents));
        expect(ledger.duplicates.map(group => group.map(a => a.place.title))).toEqual([['A', 'B']]);
        expect(ledger.find('plan')!.place.title).toBe('A');
    });

    test('an update dated before the action it reports on is flagged; an unknown identifier has no action', async () => {
        const { documents } = await buildWorkspace({
            'directory.minutes': directory,
            'early.minutes': 'meeting: Early\ndate: 2018-01-01\n\nupdate #later done: Too early.\nupdate #nowhere done: Unknown.\n',
            'later.minutes': 'meeting: Later\ndate: 2018-02-01\n\naction #later @ann: Do it.\n'
        });
        const ledger = buildActionLedger(Object.values(documents));
        expect(ledger.updates.map(u => [u.id, u.action?.id, u.beforeAction])).toEqual([
            ['later', 'later', true],
            ['nowhere', undefined, false]
        ]);
    });

    test('derived identifiers are unique in the workspace and avoid written ones', async () => {
        const { documents } = await buildWorkspace({
            'directory.minutes': directory,
            'a.minutes': 'meeting: A\ndate: 2018-01-10\n\naction #2018-01-10-send-agenda @ann: Send the agenda.\n'
                + 'action @ann: Send the agenda.\naction @ann: Send the agenda!\n'
        });
        const ledger = buildActionLedger(Object.values(documents));
        expect(ledger.actions.map(a => a.id)).toEqual(['2018-01-10-send-agenda', '2018-01-10-send-agenda-2', '2018-01-10-send-agenda-3']);
    });

    test('moved without a date keeps the due date; an update without a status word is a note', async () => {
        const { documents } = await buildWorkspace({
            'directory.minutes': directory,
            'a.minutes': 'meeting: A\ndate: 2018-01-10\n\naction #x @ann due 2018-02-01: X.\n',
            'b.minutes': 'meeting: B\ndate: 2018-02-10\n\nupdate #x moved: Later.\nupdate #x: Progress.\n',
            'c.minutes': 'meeting: C\ndate: 2018-03-10\n\nupdate #x moved to 12 March 2018: Later still.\n'
        });
        const action = buildActionLedger(Object.values(documents)).find('x')!;
        expect(action.updates.map(u => [u.status, u.movedTo])).toEqual([['moved', undefined], [undefined, undefined], ['moved', '2018-03-12']]);
        expect(action.current).toMatchObject({ status: 'open', due: '2018-03-12' });
    });
});
