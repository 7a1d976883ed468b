import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ICAL from 'ical.js';
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, test } from 'vitest';
import { dozenMeetings } from './dozen-meetings.js';
import { REPO, runCli, tempWorkspace } from './helpers/run-cli.js';

const SERIES = path.join(REPO, 'packages/language/test/fixtures/series');

interface ParsedEvent {
    uid: string;
    sequence: number;
    start: string;
    end: string;
    summary: string;
    description: string;
}

/** The events of a calendar, read by ical.js (a parser that throws on malformed input). */
function events(ics: string): ParsedEvent[] {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    return calendar.getAllSubcomponents('vevent').map(component => {
        const event = new ICAL.Event(component);
        expect(event.startDate.isDate).toBe(true);
        expect(component.getFirstPropertyValue('dtstamp')).toBeTruthy();
        return {
            uid: event.uid, sequence: event.sequence, start: event.startDate.toString(), end: event.endDate.toString(),
            summary: event.summary, description: event.description
        };
    });
}

describe('minutes actions --format ics', () => {
    test('an event is described in its meeting\'s language; the calendar is named in the language its meetings share; parsed back by ical.js', async () => {
        const folder = tempWorkspace({
            'people.minutes': 'person @mcade Marilyn Cade\n',
            'a.minutes': 'meeting: Réunion\nlanguage: fr\ndate: 2024-05-02\n\naction #plan @mcade due 2024-06-01: Rédiger le plan.\naction #salle due 2024-06-03: Réserver la salle.\n',
            'b.minutes': 'meeting: Seconde réunion\nlanguage: fr\ndate: 2024-05-20\n\nupdate #plan moved: Repoussé au 1er juin.\n'
        });
        const result = await runCli(['actions', '--format', 'ics'], { cwd: folder });
        expect([result.code, result.stderr]).toEqual([0, '']);
        expect(new ICAL.Component(ICAL.parse(result.stdout)).getFirstPropertyValue('x-wr-calname')).toBe('Actions en cours');
        const byId = new Map(events(result.stdout).map(event => [event.uid, event.description]));
        expect(byId.get('minutes-action-plan')).toBe('#plan: Rédiger le plan.\nResponsable\u00A0: Marilyn Cade\nConvenue lors de\u00A0: Réunion, 2024-05-02 (a.minutes:5)\n'
            + 'Dernier suivi\u00A0: Seconde réunion, 2024-05-20 (b.minutes:5)\u00A0: reportée\u00A0: Repoussé au 1er juin.');
        expect(byId.get('minutes-action-salle')).toContain('\nSans responsable\n');
    });

    test('one all-day event per open action with a due date; RFC 5545 lines (CRLF, folded at 75 octets); parsed back by ical.js', async () => {
        const result = await runCli(['actions', '--format', 'ics'], { cwd: SERIES });
        expect(result.code).toBe(0);
        const lines = result.stdout.split('\r\n');
        expect(lines.pop()).toBe('');
        expect(lines.every(line => !line.includes('\n') && Buffer.byteLength(line) <= 75)).toBe(true);
        // #mag-letter is the one open action with a due date (the slides have none; the others are closed).
        expect(events(result.stdout)).toEqual([{
            uid: 'minutes-action-mag-letter', sequence: 0, start: '2018-06-30', end: '2018-07-01',
            summary: 'Marilyn Cade, Nigel Hickson: Write to the IGF MAG about the workshop proposals.',
            description: '#mag-letter: Write to the IGF MAG about the workshop proposals.\nOwner: Marilyn Cade, Nigel Hickson\n'
                + 'Agreed: CCWG-IG teleconference, 2018-06-04 (2018-06-04-call.minutes:13)'
        }]);
    });

    test('a dozen meetings: the events are the open actions with their due dates in force; the same bytes each run; a re-import after a move updates the event (same UID, higher SEQUENCE)', async () => {
        const series = dozenMeetings();
        const folder = tempWorkspace(series.files);
        const first = await runCli(['actions', '--format', 'ics', '-o', 'actions.ics'], { cwd: folder });
        expect([first.code, first.stderr]).toEqual([0, '']);
        const ics = readFileSync(path.join(folder, 'actions.ics'), 'utf8');
        const parsed = events(ics);
        const open = [...series.status].filter(([, state]) => state === 'open').map(([id]) => id);
        expect(parsed.map(event => event.uid).sort()).toEqual(open.map(id => `minutes-action-${id}`).sort());
        for (const event of parsed) expect(event.start).toBe(series.due.get(event.uid.replace('minutes-action-', '')));
        expect((await runCli(['actions', '--format', 'ics'], { cwd: folder })).stdout).toBe(ics);

        const moved = open[0];
        const before = parsed.find(event => event.uid === `minutes-action-${moved}`)!;
        writeFileSync(path.join(folder, '2024-07-10-wg-net-call.minutes'),
            `meeting: WG-Net call 13\ngroup: @WG-Net\ndate: 2024-07-10\n\nupdate #${moved} moved 2024-09-30: After the summer.\n`);
        const after = events((await runCli(['actions', '--format', 'ics'], { cwd: folder })).stdout).find(event => event.uid === before.uid)!;
        expect(after.start).toBe('2024-09-30');
        expect(after.sequence).toBeGreaterThan(before.sequence);
    });

    test('text that is syntax in iCalendar (commas, semicolons, backslashes) and long non-ASCII text read back as written', async () => {
        const text = 'Ask Élise; then Dev, and C:\\temp — 行動計画を作成し、関係者と共有する。'.repeat(3);
        const folder = tempWorkspace({
            'people.minutes': 'person @eleroy Élise Leroy\n',
            'a.minutes': `meeting: A\ndate: 2024-01-10\n\naction #x @eleroy due 2024-02-01: ${text}\n`
        });
        const result = await runCli(['actions', '--format', 'ics'], { cwd: folder });
        expect(result.stdout.split('\r\n').every(line => Buffer.byteLength(line) <= 75)).toBe(true);
        expect(events(result.stdout)[0].summary).toBe(`Élise Leroy: ${text}`);
    });
});

describe('--site-url: links to the meeting that agreed each action, on the folder\'s site', () => {
    test('the calendar\'s URL and the digests\' links reach the action\'s row in the site generate --format site writes', async () => {
        const series = dozenMeetings();
        const work = tempWorkspace(Object.fromEntries(Object.entries(series.files).map(([name, text]) => [`notes/${name}`, text])));
        expect((await runCli(['generate', 'notes', '--format', 'site', '-o', 'site'], { cwd: work })).code).toBe(0);
        const base = 'https://wg.example.org/records/';
        const reach = (url: string) => {
            expect(url.startsWith(base)).toBe(true);
            const [file, anchor] = url.slice(base.length).split('#');
            expect(readFileSync(path.join(work, 'site', file), 'utf8')).toContain(` id="${anchor}"`);
            return anchor;
        };
        const ics = await runCli(['actions', 'notes', '--format', 'ics', '--site-url', base], { cwd: work });
        const calendar = new ICAL.Component(ICAL.parse(ics.stdout));
        const events = calendar.getAllSubcomponents('vevent');
        expect(events.length).toBeGreaterThan(0);
        for (const event of events) {
            const id = String(event.getFirstPropertyValue('uid')).replace('minutes-action-', '');
            expect(reach(String(event.getFirstPropertyValue('url')))).toBe(`action-${id}`);
        }
        const eml = await runCli(['actions', 'notes', '--format', 'eml', '--per-owner', '-o', 'digests', '--from', 'sec@example.org', '--today', '2024-06-20', '--site-url', base], { cwd: work });
        expect(eml.code).toBe(0);
        for (const file of readdirSync(path.join(work, 'digests'))) {
            const mail = await simpleParser(readFileSync(path.join(work, 'digests', file)));
            const links = [...String(mail.html).matchAll(/<a href="([^"]+)"/g)].map(m => m[1]);
            expect(links.length).toBe([...mail.text!.matchAll(/^#[\w-]+ {2}/gm)].length);
            for (const link of links) {
                reach(link);
                expect(mail.text).toContain(link);
            }
        }
        const two = await runCli(['actions', 'notes', 'notes/directory.minutes', '--format', 'ics', '--site-url', base], { cwd: work });
        expect(two.code).toBe(2);
        expect((await runCli(['actions', 'notes', '--format', 'ics', '--site-url', 'javascript:alert(1)'], { cwd: work })).code).toBe(2);
    });
});

describe('minutes actions --format eml --per-owner', () => {
    test('a dozen meetings: one message per owner, addressed from the directory, listing their open actions (overdue first) and nothing closed; parsed back by mailparser', async () => {
        const series = dozenMeetings();
        const files = { ...series.files };
        files['directory.minutes'] = files['directory.minutes'].replace('person @achen Ana Chen\n', 'person @achen Ana Chen\n  email: ana.chen@example.org\n');
        const folder = tempWorkspace(files);
        const today = '2024-06-20';
        const result = await runCli(['actions', '--format', 'eml', '--per-owner', '-o', 'digests', '--from', 'WG-Net secretariat <sec@example.org>', '--today', today], { cwd: folder });
        expect([result.code, result.stderr]).toEqual([0, '']);
        const owners = new Set([...series.status].filter(([, state]) => state === 'open').map(([id]) => series.owner.get(id)!));
        expect(readdirSync(path.join(folder, 'digests')).sort()).toEqual([...owners].map(owner => `${owner}.eml`).sort());
        for (const owner of owners) {
            const mail = await simpleParser(readFileSync(path.join(folder, 'digests', `${owner}.eml`)));
            const mine = [...series.status].filter(([id, state]) => state === 'open' && series.owner.get(id) === owner).map(([id]) => id);
            const closed = [...series.status].filter(([id, state]) => state !== 'open' && series.owner.get(id) === owner).map(([id]) => id);
            const overdue = mine.filter(id => series.due.get(id)! < today);
            expect(mail.from?.value).toEqual([{ name: 'WG-Net secretariat', address: 'sec@example.org' }]);
            expect(mail.subject).toBe(`Your actions: ${mine.length} open${overdue.length > 0 ? `, ${overdue.length} overdue` : ''} (${today})`);
            expect((mail.to as AddressObject | undefined)?.value).toEqual(owner === 'achen' ? [{ name: 'Ana Chen', address: 'ana.chen@example.org' }] : undefined);
            const listed = [...mail.text!.matchAll(/^#([\w-]+) {2}/gm)].map(m => m[1]);
            expect(new Set(listed)).toEqual(new Set(mine));
            // Overdue first.
            expect(listed.slice(0, overdue.length).sort()).toEqual([...overdue].sort());
            for (const id of mine) {
                expect(mail.text).toContain(`#${id}  `);
                expect(mail.html).toContain(`#${id}</span>`);
            }
            for (const id of closed) expect(mail.text).not.toContain(`#${id} `);
            // Where each was agreed.
            for (const id of mine) expect(mail.text).toContain(`(${series.agreedIn.get(id)}:`);
            expect(mail.date?.toISOString()).toBe(`${today}T12:00:00.000Z`);
        }
        expect(result.stdout.split('\n').filter(line => line.endsWith('(no email: in the directory: no To)'))).toHaveLength(owners.size - (owners.has('achen') ? 1 : 0));
    });

    test('a digest is in its owner\'s meetings\' language (labels aligned by display width), else the configuration\'s locale; parsed back by mailparser', async () => {
        const folder = tempWorkspace({
            'people.minutes': 'person @mcade Marilyn Cade\n  email: marilyn@example.org\n\nperson @nh Nigel Hickson\n',
            'a.minutes': 'meeting: 第一次会议\nlanguage: zh\ndate: 2024-05-02\n\naction #plan @mcade @nh due 2024-06-01: 起草计划。\n',
            'b.minutes': 'meeting: Réunion\nlanguage: fr\ndate: 2024-05-03\n\naction #budget @nh due 2024-06-19: Préparer le budget.\n',
            '.minutes.jsonc': '{ "locale": "ru" }\n'
        });
        const result = await runCli(['actions', '--format', 'eml', '--per-owner', '-o', 'digests', '--from', 'sec@example.org', '--today', '2024-06-20'], { cwd: folder });
        expect([result.code, result.stderr]).toEqual([0, '']);
        // Marilyn's one action is from a Chinese meeting: her digest is in Chinese.
        const chinese = await simpleParser(readFileSync(path.join(folder, 'digests', 'mcade.eml')));
        expect(chinese.subject).toBe('您的行动事项：1 项未完成，1 项逾期（2024-06-20）');
        expect(chinese.text).toContain('Marilyn Cade，截至 2024-06-20，您负责的以下行动事项尚未完成：\n\n#plan  起草计划。\n'
            + '  截止日期： 2024-06-01，逾期 19 天\n  共同负责： Nigel Hickson\n  商定于：   第一次会议，2024-05-02 (a.minutes:5)\n');
        expect(chinese.html).toContain('<html lang="zh" dir="ltr">');
        expect(chinese.html).toContain('<code>update #id done: 已完成的工作。</code>');
        // Nigel's are from a Chinese and a French meeting: his is in the configuration's Russian.
        const russian = await simpleParser(readFileSync(path.join(folder, 'digests', 'nh.eml')));
        expect(russian.subject).toBe('Ваши поручения: не выполнено: 2, просрочено: 2 (2024-06-20)');
        expect(russian.text).toContain('  Срок:            2024-06-01, просрочено на 19 дней\n');
        expect(russian.text).toContain('  Срок:            2024-06-19, просрочено на 1 день\n');
        expect(russian.html).toContain('<html lang="ru" dir="ltr">');
    });

    test('an action of a whole group: one message per owner, each naming ten co-owners and counting the rest; an owner named twice is one owner', async () => {
        const people = Array.from({ length: 14 }, (_, i) => `person @o${i} Owner ${i}\n  alias: Alias${i}\n`).join('\n');
        const owners = ['@o0', '@Alias0', ...Array.from({ length: 13 }, (_, i) => `@o${i + 1}`)].join(', ');
        const folder = tempWorkspace({ 'people.minutes': people, 'a.minutes': `meeting: A\ndate: 2024-01-10\n\naction #all ${owners}: Read the report.\n` });
        const result = await runCli(['actions', '--format', 'eml', '--per-owner', '-o', 'out', '--from', 'sec@example.org', '--today', '2024-01-20'], { cwd: folder });
        expect([result.code, result.stderr]).toEqual([0, '']);
        expect(readdirSync(path.join(folder, 'out'))).toHaveLength(14);
        const mail = await simpleParser(readFileSync(path.join(folder, 'out', 'o0.eml')));
        expect(mail.text).toContain(`  With:          ${Array.from({ length: 10 }, (_, i) => `Owner ${i + 1}`).join(', ')} and 3 others\n`);
        expect(mail.text!.match(/^#all {2}/gm)).toHaveLength(1);
        const listing = await runCli(['actions'], { cwd: folder });
        expect(listing.stdout.match(/^ {2}#all {2}/gm)).toHaveLength(14);
    });

    test('a name shaped like an encoded word reads as written; a sender with a line break, or no --per-owner, -o or --from, exits 2 and writes nothing', async () => {
        const folder = tempWorkspace({
            'people.minutes': 'person @eve =?utf-8?B?QmNjOiBldmls?=\n  email: eve@example.org\n',
            'a.minutes': 'meeting: A\ndate: 2024-01-10\n\naction #x @eve due 2024-02-01: Check the headers.\n'
        });
        const ok = await runCli(['actions', '--format', 'eml', '--per-owner', '-o', 'out', '--from', 'sec@example.org', '--today', '2024-01-20'], { cwd: folder });
        expect(ok.code).toBe(0);
        const mail = await simpleParser(readFileSync(path.join(folder, 'out', 'eve.eml')));
        expect((mail.to as AddressObject).value).toEqual([{ name: '=?utf-8?B?QmNjOiBldmls?=', address: 'eve@example.org' }]);
        expect(mail.headers.has('bcc')).toBe(false);

        const bad = await runCli(['actions', '--format', 'eml', '--per-owner', '-o', 'bad', '--from', 'sec@example.org\nBcc: x@example.org'], { cwd: folder });
        expect([bad.code, bad.stderr]).toEqual([2, 'minutes: --from: an address cannot contain a line break or a control character\n']);
        expect((await runCli(['actions', '--format', 'eml', '-o', 'bad', '--from', 'sec@example.org'], { cwd: folder })).code).toBe(2);
        expect((await runCli(['actions', '--format', 'eml', '--per-owner', '--from', 'sec@example.org'], { cwd: folder })).code).toBe(2);
        expect((await runCli(['actions', '--format', 'eml', '--per-owner', '-o', 'bad'], { cwd: folder })).code).toBe(2);
        expect(readdirSync(folder).sort()).toEqual(['a.minutes', 'out', 'people.minutes']);
    });
});
