import { describe, expect, test } from 'vitest';
import { meetingPlaces } from '../../src/ledger/meetings.js';
import { countWords, workspaceStatistics, type SpeakingStatistics } from '../../src/ledger/speaking-statistics.js';
import { buildFixture } from '../helpers/fixtures.js';

async function statistics() {
    const { documents } = await buildFixture('stats');
    return workspaceStatistics(meetingPlaces(Object.values(documents)));
}

/** name → [interventions, words]. */
function tallies(list: ReadonlyArray<{ name: string; interventions: number; words: number }>): Array<[string, number, number]> {
    return list.map(t => [t.name, t.interventions, t.words]);
}

function groups(stats: SpeakingStatistics): Array<[string, number, number]> {
    return stats.groups.map(g => [g.group, g.interventions, g.words]);
}

/*
 * Counted by hand from fixtures/stats/round-table.minutes. Words of each turn, as they read:
 *
 * Round table on access
 *   1 @alee      "We support the proposal."                              4   Freedonia (country) → government
 *   2 @bking     "Civil society was not consulted early enough."         7   NetSoc → civil society
 *   3 @Freedonia "said it would table an amendment."                     6   Freedonia → government
 *   4 @cdiaz     "Two points." 2 + "First, access matters." 3
 *                + "Second, so does cost." 4                             9   NetSoc → civil society
 *   5 @?         "Is there a timeline?"                                  4   unidentified
 *   6 @dmoss     "I would add one thing about Alice Lee and her point." 11   no organisation, no group
 *                (@alee reads as "Alice Lee": two words)
 *   7 @eng       "Industry is ready."                                    3   Acme, no group
 *   8 @bking     "Agreed."                                               1   NetSoc → civil society
 *   total: 8 interventions, 4+7+6+9+4+11+3+1 = 45 words
 *   government 2 / 4+6 = 10; civil society 3 / 7+9+1 = 17; no group 2 / 11+3 = 14; unidentified 1 / 4
 *
 * Follow-up call
 *   1 @bking     "Thanks to everyone."                                   3   civil society
 *   2 @alee [for @NetSoc] "Speaking for the network now."                5   NetSoc → civil society
 *   total: 2 interventions, 8 words, all civil society
 *
 * Both: 10 interventions, 53 words; civil society 5 / 17+8 = 25.
 */
describe('who was heard', () => {
    test('one meeting: per person, organisation and stakeholder group, apart the ungrouped and unidentified', async () => {
        const { meetings } = await statistics();
        expect(meetings.map(m => m.place.title)).toEqual(['Round table on access', 'Follow-up call']);
        const round = meetings[0].statistics;
        expect(round.total).toEqual({ interventions: 8, words: 45 });
        // Most words first; ties by interventions, then by name.
        expect(tallies(round.speakers)).toEqual([
            ['Dan Moss', 1, 11], ['Carla Diaz', 1, 9], ['Bob King', 2, 8], ['Freedonia', 1, 6], ['Alice Lee', 1, 4], ['Eve Ng', 1, 3]
        ]);
        expect(tallies(round.organisations)).toEqual([['Network Society', 3, 17], ['Freedonia', 2, 10], ['Acme Corporation', 1, 3]]);
        expect(round.withoutOrganisation).toEqual({ interventions: 1, words: 11 });
        expect(groups(round)).toEqual([['government', 2, 10], ['civil society', 3, 17]]);
        expect(round.ungrouped).toMatchObject({ interventions: 2, words: 14 });
        expect(round.unidentified).toMatchObject({ interventions: 1, words: 4 });
        // Shares: words 10/45, 17/45, 14/45, 4/45; interventions 2/8, 3/8, 2/8, 1/8.
        expect(round.groups.map(g => [g.wordShare, g.interventionShare])).toEqual([[10 / 45, 2 / 8], [17 / 45, 3 / 8]]);
        expect([round.ungrouped.wordShare, round.unidentified.wordShare]).toEqual([14 / 45, 4 / 45]);
        expect([round.ungrouped.interventionShare, round.unidentified.interventionShare]).toEqual([2 / 8, 1 / 8]);
    });

    test('a turn spoken for an organisation counts for it', async () => {
        const follow = (await statistics()).meetings[1].statistics;
        expect(follow.total).toEqual({ interventions: 2, words: 8 });
        expect(tallies(follow.organisations)).toEqual([['Network Society', 2, 8]]);
        expect(groups(follow)).toEqual([['civil society', 2, 8]]);
        expect(follow.groups[0].wordShare).toBe(1);
    });

    test('across the workspace', async () => {
        const { overall } = await statistics();
        expect(overall.total).toEqual({ interventions: 10, words: 53 });
        expect(tallies(overall.speakers)).toEqual([
            ['Bob King', 3, 11], ['Dan Moss', 1, 11], ['Alice Lee', 2, 9], ['Carla Diaz', 1, 9], ['Freedonia', 1, 6], ['Eve Ng', 1, 3]
        ]);
        expect(tallies(overall.organisations)).toEqual([['Network Society', 5, 25], ['Freedonia', 2, 10], ['Acme Corporation', 1, 3]]);
        expect(groups(overall)).toEqual([['government', 2, 10], ['civil society', 5, 25]]);
        expect(overall.ungrouped).toMatchObject({ interventions: 2, words: 14 });
        expect(overall.unidentified).toMatchObject({ interventions: 1, words: 4 });
    });

    test('a word has a letter or a digit', () => {
        expect(countWords('So – what? 2018 … ok')).toBe(4);
        expect(countWords('')).toBe(0);
    });
});
