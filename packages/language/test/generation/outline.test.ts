import { describe, expect, test } from 'vitest';
import { outlineOf } from '../../src/generation/outline.js';
import {
    flatten, type HeadingBlock, type MeetingOutline, type Outline, type OutlineBlock, type TurnOutline
} from '../../src/generation/render-model.js';
import { isSafeUrl, plain } from '../../src/generation/rich-text.js';
import { loadFixtures, withDirectory } from '../helpers/fixtures.js';

const fixtures = await loadFixtures();
const board = outlineOf(fixtures['board-meeting.minutes'].parseResult.value);
const report = outlineOf(fixtures['annual-report.minutes'].parseResult.value);

function blocksOf<K extends OutlineBlock['kind']>(outline: Outline | MeetingOutline, kind: K): Array<Extract<OutlineBlock, { kind: K }>> {
    return flatten(outline.blocks).filter((block): block is Extract<OutlineBlock, { kind: K }> => block.kind === kind);
}

function turns(outline: Outline): TurnOutline[] {
    return flatten(outline.blocks).flatMap(block => block.kind === 'turn' ? [block.turn] : block.kind === 'turns' ? [...block.turns] : []);
}

describe('a document with one meeting', () => {
    test('the meeting\'s title and metadata are the document\'s header, in a fixed order, with an ISO date read as words', () => {
        expect(board.title).toBe('Steering group — Ljubljana retreat');
        expect(board.header.level).toBe(0);
        expect(board.meetings).toHaveLength(1);
        expect(board.meetings[0].header).toBeUndefined();
        expect(board.header.metadata.map(entry => entry.key)).toEqual([
            'group', 'event', 'session', 'date', 'time', 'venue', 'room', 'format', 'chair', 'rapporteur', 'author', 'programme'
        ]);
        expect(plain(board.header.metadata.find(entry => entry.key === 'date')!.value)).toBe('18 April 2024');
        expect(board.date).toEqual({ written: '2024-04-18', start: '2024-04-18', end: '2024-04-18' });
    });

    test('the subject adds the venue and date the title lacks', () => {
        expect(board.subject).toBe('Steering group — Ljubljana retreat, Ljubljana, Slovenia, 18 April 2024');
    });

    test('participants: the attendee list in order, then the officers and speakers it leaves out', () => {
        const participants = board.meetings[0].participants;
        expect(participants.map(p => [p.party.handle ?? p.party.name, p.attendance, p.listed])).toEqual([
            ['akovacs', 'present', true],
            ['jli', 'present', true],
            ['ssmith', 'present', true],
            ['noemail', 'remote', true],
            ['Iceland', 'absent', true],
            ['pfaltstrom', 'present', false]
        ]);
        expect(participants.find(p => p.party.handle === 'ssmith')!.roles).toEqual(['rapporteur', 'author']);
        expect(participants.find(p => p.party.handle === 'pfaltstrom')!.roles).toEqual(['chair']);
        expect(plain(participants.find(p => p.party.handle === 'Iceland')!.description)).toBe('apologies sent by email');
        expect(board.header.participants.map(p => p.party.handle)).toEqual(['pfaltstrom']);
        expect(board.header.participantsLabel).toBe('Also taking part');
    });

    test('an affiliation written in the attendee list names the speaker\'s organisation in that meeting', () => {
        const anja = turns(board).find(turn => turn.speaker.party.handle === 'akovacs')!;
        expect(anja.speaker.party.organisation).toBe('Faculty of Law, Zagreb');
        expect(plain(anja.line)).toBe('Anja Kovačević (Faculty of Law, Zagreb)');
        // `@pfaltstrom: Opened the meeting…` is inline, as written: no organisation is added to the sentence.
        const patrik = turns(board).find(turn => turn.speaker.party.handle === 'pfaltstrom')!;
        expect(patrik.speaker.party.organisation).toBe('SSAC');
        expect(plain(patrik.line)).toMatch(/^Patrik Fältström: Opened the meeting/);
    });

    test('turns: headed, inline and bullet, a discussion round grouped, an unidentified speaker named so', () => {
        expect(turns(board).map(turn => [turn.style, turn.headed, plain(turn.line).slice(0, 24)])).toEqual([
            ['inline', false, 'Patrik Fältström: Opened'],
            ['heading', true, 'Anja Kovačević (Faculty '],
            ['inline', false, 'Li agreed, noting that 5'],
            ['bullet', false, 'Sam said the budget is t'],
            ['bullet', false, 'Anja said the budget is '],
            ['inline', false, 'Samuel Smith. Presented '],
            ['inline', false, 'Unidentified speaker: Is']
        ]);
        expect(blocksOf(board, 'turns')).toHaveLength(1);
        const anja = turns(board)[1];
        expect(plain(anja.qualifierText)).toBe('replying to Patrik');
        expect(anja.qualifiers.respondsTo?.party.handle).toBe('pfaltstrom');
        expect(turns(board)[6].qualifiers.fromFloor).toBe(true);
        expect(turns(board)[6].kind).toBe('floor');
        expect(turns(board)[5].kind).toBe('presentation');
    });

    test('a speaker is linked to their participant entry', () => {
        const anchors = new Set(board.meetings[0].participants.map(p => p.anchor));
        for (const turn of turns(board).filter(t => t.speaker.party.handle)) {
            expect(anchors.has(turn.speaker.anchor!)).toBe(true);
        }
        expect(new Set(board.meetings[0].participants.map(p => p.anchor)).size).toBe(board.meetings[0].participants.length);
    });

    test('agenda items link to the sections whose headings carry their numbers', () => {
        const [agenda] = blocksOf(board, 'agenda');
        const headings = blocksOf(board, 'heading');
        const idOf = (text: string) => headings.find(h => plain(h.text) === text)!.id;
        expect(agenda.items.map(item => [item.label, item.target])).toEqual([
            ['1.', idOf('1. Opening')], ['2.', idOf('2. Work plan 2024')], ['3.', idOf('3. Presentations')], ['4.', undefined]
        ]);
        expect(agenda.items[1].children.map(child => [child.label, child.target])).toEqual([['a.', undefined], ['b.', undefined]]);
    });

    test('actions keep owners, due date and status; outcomes their kind and label', () => {
        expect(board.meetings[0].actions.map(action => [action.id, action.owners.map(o => o.party.handle), action.due, action.status, plain(action.text)])).toEqual([
            ['plan-publish', ['ssmith', 'akovacs'], '2024-05-01', 'open', 'Publish the work plan on the wiki.'],
            ['budget', ['pfaltstrom'], undefined, 'done', 'Circulate the budget.']
        ]);
        expect(blocksOf(board, 'actions')).toHaveLength(1);
        expect(board.meetings[0].updates.map(update => [update.action, update.status, plain(update.text)]))
            .toEqual([['plan-publish', 'open', 'The wiki page is drafted.']]);
        expect(board.meetings[0].outcomes.map(o => [o.kind, o.label, o.plural, plain(o.text)])).toEqual([
            ['decision', 'Decision', false, 'The work plan is adopted.'],
            ['conclusion', 'Conclusions', true, 'What the group concluded']
        ]);
    });

    test('lists nest by indentation; the summary holds its paragraphs', () => {
        const list = blocksOf(board, 'list').find(l => l.items.length === 3)!;
        expect(list.items.map(item => item.children.length)).toEqual([0, 1, 0]);
        const [summary] = blocksOf(board, 'text-field');
        expect(summary.field).toBe('summary');
        expect(plain((summary.blocks[0] as Extract<OutlineBlock, { kind: 'paragraph' }>).text)).toMatch(/^The group met for three hours/);
    });

    test('greeting and sign-off stay where they are written, marked as such', () => {
        const paragraphs = blocksOf(board, 'paragraph');
        expect(paragraphs.filter(p => p.role).map(p => [p.role, plain(p.text)])).toEqual([['greeting', 'Dear colleagues,'], ['sign-off', 'Sam, 19/4']]);
    });

    test('the envelope: sender and recipients as written', () => {
        expect(plain(board.envelope.from!)).toBe('Sam Smith');
        expect(plain(board.envelope.to!)).toBe('steering@example.org, Anja Kovačević');
        expect(plain(board.envelope.cc!)).toBe('archive@example.org');
    });
});

describe('a report with several meetings', () => {
    test('has the report\'s title and a header for each meeting', () => {
        expect(report.title).toBe('Annual report 2023 of the steering group');
        expect(report.meetings.map(m => [m.title, m.header?.level])).toEqual([
            ['Spring meeting', 3], ['Teleconference', 3], ['Teleconference', 3]
        ]);
        expect(report.meetings.map(m => m.date?.start)).toEqual(['2023-03-12', '2023-02-02', '2023-06-06']);
        expect(report.meetings[0].date?.end).toBe('2023-03-13');
        expect(report.date?.end).toBe('2023-06-06');
    });

    test('headings never skip a level, and every id is unique', () => {
        const levels = [0, ...contentsLevels(report)];
        for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeLessThanOrEqual(levels[i - 1] + 1);
        const ids = [report.header.id, ...report.contents.map(entry => entry.id), ...report.meetings.flatMap(m => m.participants.map(p => p.anchor))];
        expect(new Set(ids).size).toBe(ids.length);
    });

    test('headings inside a meeting sit below its title; agenda items link to them', () => {
        const spring = report.meetings[0];
        const headings = blocksOf(spring, 'heading') as HeadingBlock[];
        expect(headings.map(h => [plain(h.text), h.level])).toEqual([['1. Welcome', 4], ['2. Reports', 4]]);
        const [agenda] = blocksOf(spring, 'agenda');
        expect(agenda.items.map(item => item.target)).toEqual(headings.map(h => h.id));
        expect(blocksOf(report, 'heading').find(h => plain(h.text) === '3. Outlook')!.level).toBe(1);
    });

    test('each meeting has its own participants; a written description stays with the person', () => {
        expect(report.meetings[0].participants.map(p => [p.party.handle, plain(p.description)])).toEqual([
            ['pfaltstrom', 'SSAC Chair'], ['akovacs', 'Professor of law']
        ]);
        expect(report.meetings[1].participants).toEqual([]);
        expect(plain(report.meetings[1].metadata.find(entry => entry.key === 'attendance')!.value)).toBe('15 (17, inc. staff)');
    });
});

function contentsLevels(outline: Outline): number[] {
    return flatten(outline.blocks).flatMap(block =>
        block.kind === 'heading' ? [block.level]
        : block.kind === 'meeting' && block.meeting.header ? [block.meeting.header.level]
        : block.kind === 'segment' ? [block.level]
        : block.kind === 'outcome' && block.outcome.plural ? [block.outcome.level]
        : []);
}

describe('names and links', () => {
    test('references read as written by default, by the directory\'s name on request', async () => {
        const document = (await withDirectory('meeting: Call\n\n@{Samuel Smith} said hello to @Anja.\n')).parseResult.value;
        expect(plain(turns(outlineOf(document))[0].line)).toBe('Samuel Smith said hello to Anja.');
        expect(plain(turns(outlineOf(document, { names: 'directory' }))[0].line)).toBe('Sam Smith said hello to Anja Kovačević.');
    });

    test('an unknown name reads as written', async () => {
        const document = (await withDirectory('meeting: Call\n\n@{Nobody Known}: Hello.\n')).parseResult.value;
        const [turn] = turns(outlineOf(document));
        expect(turn.speaker.party).toEqual({ kind: 'unresolved', name: 'Nobody Known' });
    });

    test('only http, https and mailto URLs become links', () => {
        expect(isSafeUrl('https://example.org/x')).toBe(true);
        expect(isSafeUrl('HTTP://EXAMPLE.ORG')).toBe(true);
        expect(isSafeUrl('mailto:someone@example.org')).toBe(true);
        expect(isSafeUrl('javascript:alert(1)')).toBe(false);
        expect(isSafeUrl('data:text/html,<b>x</b>')).toBe(false);
        expect(isSafeUrl('ftp://example.org/file')).toBe(false);
        expect(isSafeUrl('https://')).toBe(false);
        const hostile = outlineOf(fixtures['hostile.minutes'].parseResult.value);
        const links = flatten(hostile.blocks).flatMap(block => block.kind === 'paragraph' ? block.text.filter(span => span.kind === 'link') : []);
        expect(links.every(link => link.kind === 'link' && isSafeUrl(link.url))).toBe(true);
    });

    test('the outline of a file without a meeting is its prose under a default title', async () => {
        const outline = outlineOf((await withDirectory('Just a note.\n')).parseResult.value);
        expect(outline.title).toBe('Meeting notes');
        expect(outline.meetings).toEqual([]);
        expect(plain((outline.blocks[0] as Extract<OutlineBlock, { kind: 'paragraph' }>).text)).toBe('Just a note.');
    });
});
