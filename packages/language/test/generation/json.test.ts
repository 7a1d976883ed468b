import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { generateJson, SCHEMA_VERSION } from '../../src/generation/json.js';
import { documentsUnderTest, loadFixtures, withDirectory } from '../helpers/fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/minutes.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const documents = await documentsUnderTest();
const fixtures = await loadFixtures();
const board = JSON.parse(generateJson(fixtures['board-meeting.minutes'].parseResult.value));

function errorsOf(value: unknown): string[] {
    return validate(value) ? [] : (validate.errors ?? []).map(error => `${error.instancePath} ${error.message}`);
}

describe('the JSON of every fixture and example', () => {
    for (const { name, document } of documents) {
        test(`${name} validates against packages/language/schemas/minutes.schema.json (draft 2020-12)`, () => {
            const json = generateJson(document.parseResult.value);
            expect(errorsOf(JSON.parse(json))).toEqual([]);
        });

        test(`${name} is the same text every time, with keys in a fixed order`, () => {
            const json = generateJson(document.parseResult.value);
            expect(generateJson(document.parseResult.value)).toBe(json);
            expect(Object.keys(JSON.parse(json))).toEqual(['schemaVersion', 'title', 'language', 'subject', 'metadata', 'envelope', ...(JSON.parse(json).date ? ['date'] : []), 'body', 'meetings', 'parties']);
        });
    }
});

describe('the JSON model', () => {
    test('a bullet turn inside a list is the list entry\'s `turn`, and validates', async () => {
        const document = await withDirectory('meeting: T\ndate: 2018-04-11\n\n* Tracking issue.\n  * @akovacs [remote]: created a stub.\n* Next item.\n');
        const json = JSON.parse(generateJson(document.parseResult.value));
        expect(errorsOf(json)).toEqual([]);
        const entry = json.meetings[0].body.find((block: { type: string }) => block.type === 'list').items[0].children[0];
        expect([entry.text.text, entry.turn.speaker.handle, entry.turn.body]).toEqual(['Anja Kovačević [remote]: created a stub.', 'akovacs', []]);
    });

    test('a note in parentheses that is a word of every object (`(constructor)`) says no attendance: the attendee is present, and validates', async () => {
        const document = await withDirectory('meeting: T\ndate: 2018-04-11\n\nattendees:\n@akovacs (constructor)\n@jli (remote)\n\n@akovacs: Hello.\n@jli: Hi.\n');
        const json = JSON.parse(generateJson(document.parseResult.value));
        expect(errorsOf(json)).toEqual([]);
        expect(json.meetings[0].participants.map((participant: { attendance?: string }) => participant.attendance)).toEqual(['present', 'remote']);
    });

    test('a meeting\'s actions include those written as prose that opens with joint owners, in written order; owners named in the text are listed too', async () => {
        const document = await withDirectory([
            'meeting: T', 'date: 2018-04-11', '',
            'action #first @jli: circulate the draft', '',
            '#### Conclusion', '',
            '  - no major change',
            '  - @akovacs/@ssmith will make minor changes: tweaks',
            '',
            'ACTION: @pfaltstrom to close the issue', ''
        ].join('\n'));
        const json = JSON.parse(generateJson(document.parseResult.value));
        expect(errorsOf(json)).toEqual([]);
        const actions = json.meetings[0].actions as Array<{ id?: string; owners: Array<{ handle: string }>; ownersInText: boolean; inProse: boolean; text: { text: string } }>;
        expect(actions.map(a => [a.id, a.owners.map(o => o.handle), a.ownersInText, a.inProse, a.text.text])).toEqual([
            ['first', ['jli'], false, false, 'circulate the draft'],
            [undefined, ['akovacs', 'ssmith'], true, true, 'Anja Kovačević/Sam Smith will make minor changes: tweaks'],
            [undefined, ['pfaltstrom'], true, false, 'Patrik Fältström to close the issue']
        ]);
        // The joint action stays in the body as the list item written, and is no `actions` block.
        const body = json.meetings[0].body as Array<{ type: string }>;
        expect(body.filter(block => block.type === 'actions')).toHaveLength(2);
    });

    test('the schema version is declared by the output and pinned by the schema', () => {
        expect(board.schemaVersion).toBe(SCHEMA_VERSION);
        expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    });

    test('every speaker is resolved: handle, name as read, display name, organisation', () => {
        const turns = board.meetings[0].body.flatMap((block: { type: string; turn?: object; turns?: object[] }) =>
            block.type === 'turn' ? [block.turn] : block.type === 'turns' ? block.turns : []);
        expect(turns[1].speaker).toEqual({
            handle: 'akovacs', kind: 'person', name: 'Anja Kovačević', displayName: 'Anja Kovačević', organisation: 'Faculty of Law, Zagreb'
        });
        expect(turns[1].participant).toBe('m1-akovacs');
        expect(turns[1].qualifiers.respondsTo).toEqual({
            handle: 'pfaltstrom', kind: 'person', name: 'Patrik Fältström', displayName: 'Patrik Fältström', organisation: 'SSAC'
        });
        expect(turns.at(-1).speaker).toEqual({ kind: 'unidentified', name: 'Unidentified speaker' });
    });

    test('meetings keep participants, outcomes, actions and updates; the body keeps the order written', () => {
        const meeting = board.meetings[0];
        expect(meeting.participants.map((p: { id: string }) => p.id)).toEqual(['m1-akovacs', 'm1-jli', 'm1-ssmith', 'm1-noemail', 'm1-iceland', 'm1-pfaltstrom']);
        expect(meeting.actions.map((a: { id: string; owners: Array<{ handle: string }>; due?: string; status: string }) =>
            [a.id, a.owners.map(o => o.handle), a.due, a.status])).toEqual([
            ['plan-publish', ['ssmith', 'akovacs'], '2024-05-01', 'open'],
            ['budget', ['pfaltstrom'], undefined, 'done']
        ]);
        expect(meeting.body.map((block: { type: string }) => block.type)).toEqual([
            'paragraph', 'text-field', 'participants', 'agenda', 'heading', 'turn', 'heading', 'turn', 'turn', 'segment', 'turns',
            'outcome', 'outcome', 'actions', 'updates', 'heading', 'segment', 'turn', 'turn'
        ]);
        // `---` ends the meeting: the sign-off after it is the document's.
        expect(board.body.map((block: { type: string }) => block.type)).toEqual(['meeting', 'break', 'paragraph']);
        expect(board.body[2]).toEqual({ type: 'paragraph', role: 'sign-off', text: { text: 'Sam, 19/4', spans: [{ text: 'Sam, 19/4' }] } });
    });

    test('rich text keeps mentions and links', () => {
        const summary = board.meetings[0].body[1].body[0].text;
        expect(summary.spans.filter((span: { link?: string }) => span.link).map((span: { link: string }) => span.link)).toEqual([
            'https://example.org/retreat/programme?day=1&track=a',
            'https://example.org/slides/very/long/path/that/cannot/be/broken/without/breaking/the/link/2024-04-18.pdf'
        ]);
        expect(summary.text).toBe(summary.spans.map((span: { text: string }) => span.text).join(''));
    });

    test('directory facts of everyone referred to, sorted by handle', () => {
        expect(board.parties.map((party: { handle: string }) => party.handle)).toEqual(['akovacs', 'Iceland', 'jli', 'noemail', 'pfaltstrom', 'SSAC', 'ssmith']);
        expect(board.parties.find((party: { handle: string }) => party.handle === 'akovacs')).toEqual({
            handle: 'akovacs', kind: 'person', displayName: 'Anja Kovačević', honorific: 'Dr', aliases: ['Anja'], organisations: ['Zagreb-Uni'],
            role: 'Professor of law', stakeholder: 'academia', email: 'anja.kovacevic@example.org'
        });
    });

    test('the schema can fail: an unknown key, a wrong kind or a missing field is refused', () => {
        expect(errorsOf({ ...board, extra: true })).not.toEqual([]);
        const wrongKind = structuredClone(board);
        wrongKind.meetings[0].participants[0].attendance = 'sleeping';
        expect(errorsOf(wrongKind)).not.toEqual([]);
        const missing = structuredClone(board);
        delete missing.meetings[0].body[5].turn.speaker;
        expect(errorsOf(missing)).not.toEqual([]);
        const unsafeLink = structuredClone(board);
        unsafeLink.meetings[0].body[1].body[0].text.spans[1].link = 'javascript:alert(1)';
        expect(errorsOf(unsafeLink)).not.toEqual([]);
    });
});
