import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { generateDocx } from '../../src/generation/docx.js';
import { generate } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten } from '../../src/generation/render-model.js';
import { meetingStatistics } from '../../src/ledger/speaking-statistics.js';
import { attendeeReference, structureOf, type Attendee } from '../../src/model/structure.js';
import { textContent } from '../../src/model/text-content.js';
import { plainText, writtenName } from '../../src/model/text.js';
import { buildWorkspace, parse } from '../helpers/workspace.js';
import { documentStats } from '../../src/requests/workspace-requests.js';
import { wordFidelity } from '../fidelity/word-for-word.js';

/**
 * One-line attendance lists, as W3C (`Present: Alice, Bob`) and the Rust Leadership Council
 * (`Council: @Carol, @Mark, @{Eric Holk}`) write them: a roster key whose value is a list of
 * names, and a group label with names after its colon inside a roster (docs/language.md,
 * "Attendance").
 */
const DIRECTORY = [
    'person @carol Carol Nichols',
    'person @mark Mark Rousskov',
    'person @eholk Eric Holk',
    'person @tc TC',
    'person @tmandry Tyler Mandry',
    'person @alice Alice Smith',
    '  org: @W3C',
    'person @bob Bob Jones',
    'org @W3C World Wide Web Consortium',
    ''
].join('\n');

const NOTE = [
    'meeting: Council sync',
    'date: 2024-01-19',
    '',
    'present: @alice (W3C), @bob; @carol and @{Eric Holk} & @mark',
    '',
    'attendees:',
    'Council: @tc, @{Tyler Mandry} (remote)',
    '- Regrets: @bob',
    '',
    '@alice: Hello.',
    '@carol: Hi.',
    '@mark: Yes.',
    '@eholk: Fine.',
    '@tc: Agreed.',
    '@tmandry: Good.',
    ''
].join('\n');

const validate = (() => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    return ajv.compile(JSON.parse(readFileSync(new URL('../../schemas/minutes.schema.json', import.meta.url), 'utf8')));
})();
const schemaErrors = (value: unknown) => validate(value) ? [] : (validate.errors ?? []).map(error => `${error.instancePath} ${error.message}`);

const names = (attendees: readonly Attendee[]) => attendees.map(a => [writtenName(attendeeReference(a).$refText), a.attendance, a.note, a.group ? plainText(a.group.text) : undefined]);

async function attendeesOf(roster: string): Promise<Attendee[]> {
    const document = await parse(['meeting: m', 'date: 2024-01-19', '', roster, ''].join('\n'), DIRECTORY);
    expect(document.parseResult.parserErrors).toEqual([]);
    return structureOf(document.parseResult.value).meetings[0].attendees;
}

describe('one-line attendance lists', async () => {
    const document = await parse(NOTE, DIRECTORY);
    const root = document.parseResult.value;
    const meeting = structureOf(root).meetings[0];

    test('parse: a roster key\'s list and a group label\'s list are attendees, in order, with their attendance', () => {
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(meeting.rosters.map(roster => names(roster.attendees))).toEqual([
            [['alice', 'present', '(W3C)', undefined], ['bob', 'present', '', undefined], ['carol', 'present', '', undefined],
                ['Eric Holk', 'present', '', undefined], ['mark', 'present', '', undefined]],
            [['tc', 'present', '', 'Council: TC, Tyler Mandry (remote)'], ['Tyler Mandry', 'remote', '(remote)', 'Council: TC, Tyler Mandry (remote)'],
                ['bob', 'apologies', '', 'Regrets: Bob Jones']]
        ]);
        expect(meeting.attendees.map(a => a.party?.name)).toEqual(['alice', 'bob', 'carol', 'eholk', 'mark', 'tc', 'tmandry', 'bob']);
    });

    test('diagnostics: every speaker is an attendee; a silent attendee is pointed at by name, in the list', () => {
        const codes = document.diagnostics?.map(d => d.code) ?? [];
        expect(codes).not.toContain('speaker-not-attendee');
        const silent = document.diagnostics?.filter(d => d.code === 'silent-attendee') ?? [];
        // Bob is present in the first list and sent regrets in the second: listed, silent.
        expect(silent.map(d => [d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([[3, 23, 27]]);
        expect(NOTE.split('\n')[3].slice(23, 27)).toBe('@bob');
    });

    test('diagnostics: an unknown name in a list is an unknown attendee, at the name', async () => {
        const unknown = await parse(['meeting: m', 'date: 2024-01-19', '', 'attendees: @carol, @Nobody (W3C)', 'Council: @Nemo', '', '@carol: Hi.', ''].join('\n'), DIRECTORY);
        const found = unknown.diagnostics?.filter(d => d.code === 'unknown-attendee') ?? [];
        expect(found.map(d => [d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([[3, 19, 26], [4, 9, 14]]);
        expect(unknown.diagnostics?.map(d => d.code)).not.toContain('unknown-mention');
    });

    test('editor: the list\'s symbol counts its names; the status bar counts who attended', async () => {
        const { services, documents } = await buildWorkspace({ 'test.minutes': NOTE, 'directory.minutes': DIRECTORY });
        const symbols = await services.Minutes.lsp.DocumentSymbolProvider!.getSymbols(documents['test.minutes'], { textDocument: { uri: documents['test.minutes'].textDocument.uri } });
        const lists = symbols.flatMap(symbol => [symbol, ...(symbol.children ?? [])]).filter(symbol => /^(Present|Attendees)/.test(symbol.name));
        expect(lists.map(symbol => symbol.detail)).toEqual(['5 names', '3 names']);
        const stats = documentStats(documents['test.minutes'], [], services.shared.workspace.ActionLedger.ledger);
        expect(stats.attendees).toBe(7);
    });

    test('boundary: a value that is not a list of names stays a title', async () => {
        for (const title of [
            'attendees: about 40, including @carol',
            'attendees: @carol and others',
            'attendees: @carol, @mark,',
            'attendees: @carol @mark',
            'attendees: see @carol',
            'attendees: @carol (W3C',
            'attendees: \\@carol, @mark',
            'attendees: @carol, and',
            'attendees: @carol andrew',
            'attendees: @carol: chair',
            'attendees: @carol, https://example.org',
            'Present: Alice, Bob'
        ]) {
            expect(await attendeesOf(title), title).toEqual([]);
        }
    });

    test('boundary: names, brackets, separators', async () => {
        expect(names(await attendeesOf('attendees: @carol'))).toEqual([['carol', 'present', '', undefined]]);
        expect(names(await attendeesOf('regrets: @carol, and @mark'))).toEqual([['carol', 'apologies', '', undefined], ['mark', 'apologies', '', undefined]]);
        expect(names(await attendeesOf('attendees: @carol&@mark;@tc'))).toEqual([['carol', 'present', '', undefined], ['mark', 'present', '', undefined], ['tc', 'present', '', undefined]]);
        expect(names(await attendeesOf('attendees: @alice[IRC_only], @carol (chair, @W3C) (remote) and @mark'))).toEqual([
            ['alice', 'present', '[IRC_only]', undefined], ['carol', 'present', '(chair, World Wide Web Consortium) (remote)', undefined], ['mark', 'present', '', undefined]
        ]);
        // A list wrapped onto the next line goes on there.
        expect(names(await attendeesOf('observers: @carol,\n  and @mark'))).toEqual([['carol', 'observer', '', undefined], ['mark', 'observer', '', undefined]]);
    });

    test('boundary: a group label with names is one only right after a line of the roster', async () => {
        expect(names(await attendeesOf('attendees:\n- Council: @carol\n\nThanks: @mark, @tc'))).toEqual([['carol', 'present', '', 'Council: Carol Nichols']]);
        // A label line, then speaker lines under it: they are the group's too.
        expect(names(await attendeesOf('attendees:\nCouncil: @carol\n@mark (remote)'))).toEqual([
            ['carol', 'present', '', 'Council: Carol Nichols'], ['mark', 'remote', '(remote)', 'Council: Carol Nichols']
        ]);
        // `10:30 @carol` is no label; a label after a name is none either.
        expect(await attendeesOf('attendees:\nAt 10:30 @carol, @mark')).toEqual([]);
        expect(await attendeesOf('attendees:\n@carol said: @mark, @tc')).toHaveLength(1);
    });

    test('outline: the groups name their people in their titles, as written', () => {
        const lists = flatten(outlineOf(root).blocks).flatMap(block => block.kind === 'participants' ? [block] : []);
        expect(lists.map(list => [list.label, list.groups.map(group => [group.title.map(span => span.text).join(''), group.namedInTitle, group.participants.map(p => p.party.name)])])).toEqual([
            ['Present', [['', 5, ['Alice Smith', 'Bob Jones', 'Carol Nichols', 'Eric Holk', 'Mark Rousskov']]]],
            ['Attendees', [['Council: TC, Tyler Mandry (remote)', 2, ['TC', 'Tyler Mandry']], ['Regrets: Bob Jones', 1, ['Bob Jones']]]]
        ]);
    });

    test('the text content reads each list once, as written', () => {
        const content = textContent(root);
        expect(content).toContain('Alice Smith (W3C), Bob Jones; Carol Nichols and Eric Holk & Mark Rousskov');
        expect(content.match(/Tyler Mandry/g)).toHaveLength(2);
    });

    test('email: each list stays one line, word for word, names read as names', async () => {
        const email = await generate(document, 'email', { width: 1000 });
        expect(email).toContain('\nPresent: Alice Smith (W3C), Bob Jones; Carol Nichols and Eric Holk & Mark Rousskov\n');
        expect(email).toContain('\nAttendees:\n\nCouncil: TC, Tyler Mandry (remote)\n\nRegrets: Bob Jones\n');
        // Named once each in the lists, and once in each turn.
        expect(email.match(/Carol Nichols/g)).toHaveLength(2);
        expect(email).not.toContain('Also taking part');
    });

    test('Markdown and Word: each list one line, as written', async () => {
        const markdown = await generate(document, 'markdown', {});
        expect(markdown).toContain('\nPresent: Alice Smith (W3C), Bob Jones; Carol Nichols and Eric Holk \\& Mark Rousskov\n');
        expect(markdown).toContain('\nCouncil: TC, Tyler Mandry (remote)\n');
        expect(markdown).not.toContain('| Carol Nichols');
        const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await generateDocx(root)) });
        expect(value).toContain('Present: Alice Smith (W3C), Bob Jones; Carol Nichols and Eric Holk & Mark Rousskov');
        expect(value).toContain('Council: TC, Tyler Mandry (remote)');
        expect(value.match(/Carol Nichols/g)).toHaveLength(2);
    });

    test('HTML: each list one line, each name the anchor speakers link to, once', async () => {
        const html = await generate(document, 'html', {});
        const line = /<p class="participant-line"[^>]*>(.*?)<\/p>/g;
        const lines = [...html.matchAll(line)].map(match => match[1].replace(/<[^>]+>/g, ''));
        expect(lines).toEqual(['Present: Alice Smith (W3C), Bob Jones; Carol Nichols and Eric Holk &amp; Mark Rousskov', 'Council: TC, Tyler Mandry (remote)', 'Regrets: Bob Jones']);
        for (const anchor of [...html.matchAll(/href="#(m1-[^"]+)"/g)].map(match => match[1])) {
            expect(html.match(new RegExp(`id="${anchor}"`, 'g')), anchor).toHaveLength(1);
        }
        expect(html).toContain('href="#m1-carol"');
        expect(html).not.toContain('<table class="participants">');
    });

    test('JSON: the attendees, their groups, and how many each title names', async () => {
        const json = JSON.parse(await generate(document, 'json', {}));
        const lists = json.meetings[0].body.filter((block: { type: string }) => block.type === 'participants');
        expect(lists.map((list: { groups: Array<{ participants: string[]; namedInTitle: number }> }) => list.groups.map(group => [group.participants, group.namedInTitle]))).toEqual([
            [[['m1-alice', 'm1-bob', 'm1-carol', 'm1-eholk', 'm1-mark'], 5]],
            [[['m1-tc', 'm1-tmandry'], 2], [['m1-bob'], 1]]
        ]);
        expect(schemaErrors(json)).toEqual([]);
        expect(json.meetings[0].participants.map((p: { id: string; listed: boolean; attendance: string }) => [p.id, p.listed, p.attendance])).toEqual([
            ['m1-alice', true, 'present'], ['m1-bob', true, 'present'], ['m1-carol', true, 'present'], ['m1-eholk', true, 'present'],
            ['m1-mark', true, 'present'], ['m1-tc', true, 'present'], ['m1-tmandry', true, 'remote']
        ]);
    });

    test.each(['email', 'markdown', 'html', 'docx'] as const)('word for word: %s keeps every word of the lists, in order, and names no one twice', async format => {
        const text = format === 'docx' ? (await mammoth.extractRawText({ buffer: Buffer.from(await generateDocx(root)) })).value
            : format === 'html' ? (await generate(document, 'html', {})).replace(/<(head|style|script)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&')
                : (await generate(document, format, { width: 1000 })).replace(/\\&/g, '&');
        expect(wordFidelity(root, text).lostAt).toEqual([]);
        // Each attendee is named in the lists once, and once in the turn they speak.
        for (const name of ['Alice Smith', 'Carol Nichols', 'Eric Holk', 'Mark Rousskov', 'Tyler Mandry']) expect(text.split(name).length - 1, name).toBe(2);
    });

    test('a one-line list with lines under it: the line as written, then the others listed', async () => {
        const mixed = await parse(['meeting: m', 'date: 2024-01-19', '', 'attendees:', 'Council: @carol', '@mark (remote)', '', '@carol: Hi.', '@mark: Yes.', ''].join('\n'), DIRECTORY);
        expect(await generate(mixed, 'email', { width: 1000 })).toContain('\nAttendees:\n\nCouncil: Carol Nichols\n- Mark Rousskov (remote)\n');
        const html = await generate(mixed, 'html', {});
        expect(html).toMatch(/<caption>Council: <span class="person" id="m1-carol">Carol Nichols<\/span><\/caption>/);
        expect(html).toMatch(/<tr id="m1-mark">/);
        expect(html).not.toMatch(/<tr id="m1-carol">/);
    });

    test('stats: the turns are the attendees\'', () => {
        expect(meetingStatistics(meeting).total.interventions).toBe(6);
    });

    test.each(['none', 'organisation'] as const)('attribution %s: each list is a count under its label; no one is named', async attribution => {
        const email = await generate(document, 'email', { width: 1000, attribution });
        expect(email).toMatch(/\nPresent: 5 participants/);
        expect(email).toMatch(/\nCouncil: 2 participants/);
        expect(email).toMatch(/\nRegrets: 1 participant/);
        for (const name of ['Carol', 'Tyler', 'Bob', 'Alice']) expect(email).not.toContain(name);
    });
});
