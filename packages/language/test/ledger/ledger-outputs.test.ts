import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { buildActionLedger } from '../../src/ledger/action-ledger.js';
import { buildFixture } from '../helpers/fixtures.js';
import { buildWorkspace } from '../helpers/workspace.js';
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs
import { seriesOpenActions } from '../pathological/inputs.mjs';

async function series() {
    const { documents } = await buildFixture('series');
    const ledger = buildActionLedger(Object.values(documents));
    return { documents, ledger };
}

function sectionOf(email: string, title: string): string[] {
    const lines = email.split('\n');
    const start = lines.indexOf(title);
    if (start < 0) return [];
    const end = lines.indexOf('', start);
    return lines.slice(start, end < 0 ? undefined : end);
}

describe('actions from earlier meetings in the email and the HTML', () => {
    test('the first meeting of the series has none', async () => {
        const { documents, ledger } = await series();
        const email = await generate(documents['2018-03-19-wsis-session.minutes'], 'email', { ledger, width: Infinity });
        expect(email).not.toContain('Actions from earlier meetings');
    });

    test('the second: its updates with the resulting status, and the earlier action still open', async () => {
        const { documents, ledger } = await series();
        const email = await generate(documents['2018-04-23-call.minutes'], 'email', { ledger, width: Infinity });
        expect(sectionOf(email, 'Actions from earlier meetings')).toEqual([
            'Actions from earlier meetings',
            '- #wsis-report (Nigel Hickson): Circulate the wider report of the WSIS Forum.',
            '  Done. Agreed at CCWG-IG session at the WSIS Forum 2018, 19 March 2018. Reported here: Circulated to the list on 2 April.',
            '- #ig-paper (Marilyn Cade): Draft a paper on the gaps between cybernorms and Internet governance.',
            '  Open, due 2018-05-31. Agreed at CCWG-IG session at the WSIS Forum 2018, 19 March 2018. Reported here: The first draft needs comments from the group.',
            '- #2018-03-19-share-slides-cybercrime (Tatiana Tropina): Share the slides on cybercrime capacity building.',
            '  Still open. Agreed at CCWG-IG session at the WSIS Forum 2018, 19 March 2018.'
        ]);
    });

    test('the third: the action closed at the second is not shown again', async () => {
        const { documents, ledger } = await series();
        const html = await generate(documents['2018-06-04-call.minutes'], 'html', { ledger });
        const section = /<section class="earlier-actions">[\s\S]*?<\/section>/.exec(html)![0];
        expect([...section.matchAll(/<span class="action-id" dir="ltr">#([^<]+)<\/span>/g)].map(m => m[1])).toEqual(['ig-paper', 'outreach-plan', '2018-03-19-share-slides-cybercrime']);
        expect(section).toContain('<td data-label="Status">Dropped<br>The IGF Secretariat runs its own outreach.</td>');
        expect(section).not.toContain('wsis-report');
    });

    test('a meeting in another language: its title is read in its own language, so a date it states is not repeated', async () => {
        const { documents } = await buildWorkspace({
            'a.minutes': 'meeting: Réunion du bureau du 19 mars 2018\nlanguage: fr\ngroup: Bureau\ndate: 2018-03-19\n\naction #budget: Préparer le budget.\n',
            'b.minutes': 'meeting: Board call\nlanguage: en\ngroup: Bureau\ndate: 2018-04-23\n\nupdate #budget: In progress.\n'
        });
        const ledger = buildActionLedger(Object.values(documents));
        const email = await generate(documents['b.minutes'], 'email', { ledger, width: Infinity });
        expect(email).toContain('Open. Agreed at Réunion du bureau du 19 mars 2018. Reported here: In progress.');
        const html = await generate(documents['b.minutes'], 'html', { ledger });
        expect(html).toContain('<td data-label="Agreed at">Réunion du bureau du 19 mars 2018</td>');
    });

    test('without the ledger (a document on its own), the section is left out', async () => {
        const { documents } = await series();
        expect(await generate(documents['2018-04-23-call.minutes'], 'email', {})).not.toContain('Actions from earlier meetings');
    });
});

describe('who spoke, in the HTML', () => {
    test('an accessible inline SVG chart by stakeholder group, its figures as a table; valid HTML, no script, nothing external', async () => {
        const { documents } = await buildFixture('stats');
        const html = await generate(documents['round-table.minutes'], 'html', {});
        const sections = [...html.matchAll(/<section class="who-spoke">[\s\S]*?<\/section>/g)].map(m => m[0]);
        expect(sections).toHaveLength(2);
        const [round] = sections;
        expect(round).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" aria-labelledby="(\S+)-title \1-desc"/);
        expect(round).toContain('<title id="meeting-1-who-spoke-title">Share of words by stakeholder group</title>');
        // Shares counted by hand in speaking-statistics.test.ts: 10/45, 17/45, 14/45, 4/45.
        expect(round).toContain('<desc id="meeting-1-who-spoke-desc">government 22.2%; civil society 37.8%; no stakeholder group 31.1%; unidentified speakers 8.9%</desc>');
        // Bars are 300 px at 100%: 300 × 10/45 = 66.7.
        expect(round).toMatch(/<rect class="bar group" x="180" y="[\d.]+" width="66\.7" height="16"/);
        expect(round).toContain('<caption>Who spoke, by stakeholder group: 8 interventions, 45 words</caption>');
        expect(round).toContain('<tr><th scope="row">civil society</th><td data-label="Interventions">3</td><td data-label="Words">17</td><td data-label="Share of words">37.8%</td></tr>');
        expect(html).not.toMatch(/<script|\s(src|href)="https?:/i);
        const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
        expect(report.results.flatMap(r => r.messages.map(m => `${m.ruleId}: ${m.message}`))).toEqual([]);
    });
});

describe('a long series whose actions stay open', () => {
    test('each meeting lists the 50 oldest still open and says how many more (every one, each time, grew as the square of the series)', async () => {
        const { documents } = await buildWorkspace({ 'series.minutes': seriesOpenActions(60) });
        const document = documents['series.minutes'];
        const ledger = buildActionLedger([document]);
        const email = await generate(document, 'email', { ledger, width: Infinity });
        const sections = email.split('Actions from earlier meetings\n').slice(1).map(section => section.split('\n\n')[0].split('\n'));
        expect(sections).toHaveLength(59);
        // Call 1 lists call 0's action; call 59 the 50 oldest of its 59, then the 9 others as a count.
        expect(sections[0].filter(line => line.startsWith('- #'))).toEqual(['- #a0 (Nigel Hickson): Circulate the notes of call 0.']);
        const last = sections[58].filter(line => line !== '');
        expect(last.filter(line => line.startsWith('- #'))).toHaveLength(50);
        expect(last.find(line => line.startsWith('- #'))).toBe('- #a0 (Nigel Hickson): Circulate the notes of call 0.');
        expect(last[last.length - 1]).toBe('…and 9 more actions of earlier meetings still open (minutes actions lists them all).');
        const html = await generate(document, 'html', { ledger });
        expect(html).toContain('<p class="more-actions">…and 9 more actions of earlier meetings still open (minutes actions lists them all).</p>');
    });

    test('an update in a meeting of another series closes the action for the series that agreed it', async () => {
        const text = seriesOpenActions(3) + 'meeting: Elsewhere\ngroup: Other group\ndate: 2018-01-02\n\nupdate #a0 done: Circulated.\n';
        const { documents } = await buildWorkspace({ 'series.minutes': text });
        const document = documents['series.minutes'];
        const email = await generate(document, 'email', { ledger: buildActionLedger([document]), width: Infinity });
        const sections = email.split('Actions from earlier meetings\n').slice(1).map(section => section.split('\n\n')[0].split('\n').filter(line => line.startsWith('- #')));
        // Call 1 (2 January) still has #a0 open; the other series closes it later that day, before call 2 (3 January),
        // which lists only #a1; the other meeting lists #a0 as reported.
        expect(sections).toEqual([
            ['- #a0 (Nigel Hickson): Circulate the notes of call 0.'],
            ['- #a1 (Nigel Hickson): Circulate the notes of call 1.'],
            ['- #a0 (Nigel Hickson): Circulate the notes of call 0.']
        ]);
    });
});

