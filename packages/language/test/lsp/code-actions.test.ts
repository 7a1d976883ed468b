import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver';
import type { Person } from '../../src/generated/ast.js';
import { safeFixesOf } from '../../src/lsp/safe-fixes.js';
import { displayName } from '../../src/model/directory.js';
import { structureOf } from '../../src/model/structure.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { buildWorkspace } from '../helpers/workspace.js';

const DIRECTORY = readFileSync(join(__dirname, '..', 'fixtures', 'validation', 'valid-directory.minutes'), 'utf8');

interface Fix {
    /** The code actions offered for the diagnostics with the code (or, without one, at a range). */
    actions: CodeAction[];
    /** Applies an action: the files of the workspace after the edit. */
    apply(action: CodeAction): Record<string, string>;
}

/** Builds the files, asks for the code actions of every diagnostic with the code in `file`, and can apply them. */
async function codeActions(files: Record<string, string>, file: string, code: string | { range: Range }): Promise<Fix> {
    const { services, documents } = await buildWorkspace(files);
    const document = documents[file];
    const diagnostics = typeof code === 'string' ? (document.diagnostics ?? []).filter(d => d.code === code) : [];
    if (typeof code === 'string') expect(diagnostics.length, `a ${code} diagnostic in ${file}`).toBeGreaterThan(0);
    const range = typeof code === 'string' ? diagnostics[0].range : code.range;
    const provider = services.Minutes.lsp.CodeActionProvider!;
    const actions = (await provider.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range,
        context: { diagnostics }
    }) ?? []) as CodeAction[];
    return {
        actions,
        apply(action) {
            const result = { ...files };
            for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
                const name = Object.keys(documents).find(n => documents[n].uri.toString() === uri)!;
                result[name] = TextDocument.applyEdits(TextDocument.create(uri, 'minutes', 1, files[name]), edits);
            }
            return result;
        }
    };
}

/**
 * The one quick fix for `code` in test.minutes (the directory beside it): its title, the text it leaves,
 * and that the text it leaves no longer has `code`. Returns that text.
 */
async function expectOnlyFix(note: string, code: string, title: string, expected: string): Promise<string> {
    const files = { 'test.minutes': note, 'directory.minutes': DIRECTORY };
    const fix = await codeActions(files, 'test.minutes', code);
    expect(fix.actions.map(a => a.title)).toEqual([title]);
    const after = fix.apply(fix.actions[0])['test.minutes'];
    expect(after).toBe(expected);
    expect(await codesAfter({ ...files, 'test.minutes': after }, 'test.minutes')).not.toContain(code);
    return after;
}

/** The diagnostics of `code` in test.minutes, with the directory beside it. */
async function diagnosticsOf(note: string, code: string): Promise<Diagnostic[]> {
    const { documents } = await buildWorkspace({ 'test.minutes': note, 'directory.minutes': DIRECTORY });
    return (documents['test.minutes'].diagnostics ?? []).filter(d => d.code === code);
}

/** A diagnostic as the tests below compare it: severity, line, start and end character, message. */
function asReported(diagnostic: Diagnostic): [number | undefined, number, number, number, string] {
    return [diagnostic.severity, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character, diagnostic.message];
}

async function codesAfter(files: Record<string, string>, file: string): Promise<string[]> {
    const { documents } = await buildWorkspace(files);
    return (documents[file].diagnostics ?? []).map(d => String(d.code));
}

function only(actions: CodeAction[], title: string): CodeAction {
    const found = actions.filter(action => action.title === title);
    expect(found, `one action titled "${title}" among ${JSON.stringify(actions.map(a => a.title))}`).toHaveLength(1);
    return found[0];
}

const HEADER = 'meeting: M\ndate: 2018-03-19\n\n';

describe('quick fixes for an unknown name', () => {
    test('replace it with the one suggestion (preferred), keeping @ and adding braces', async () => {
        const files = { 'meeting.minutes': `${HEADER}@{Tatiana Tropnia}: Hello.\n`, 'directory.minutes': DIRECTORY };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.UnknownSpeaker);
        const action = only(fix.actions, "Change to 'Tatiana Tropina'");
        expect(action.isPreferred).toBe(true);
        expect(action.kind).toBe('quickfix');
        const after = fix.apply(action);
        expect(after['meeting.minutes']).toBe(`${HEADER}@{Tatiana Tropina}: Hello.\n`);
        expect(await codesAfter(after, 'meeting.minutes')).toEqual([]);
    });

    test('a one-word suggestion needs no braces', async () => {
        const files = { 'meeting.minutes': `${HEADER}@mshears thanked @Marylin.\n`, 'directory.minutes': DIRECTORY };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.UnknownMention);
        expect(fix.apply(only(fix.actions, "Change to 'Marilyn'"))['meeting.minutes']).toBe(`${HEADER}@mshears thanked @Marilyn.\n`);
    });

    test('several suggestions: one action each, none preferred', async () => {
        const files = { 'meeting.minutes': `${HEADER}@mshears greeted @Anj.\n`, 'directory.minutes': DIRECTORY };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.UnknownMention);
        const replacements = fix.actions.filter(a => a.title.startsWith('Change to'));
        expect(replacements.map(a => [a.title, a.isPreferred])).toEqual([["Change to 'Anja'", false], ["Change to 'Anja Kovacs'", false]]);
        expect(fix.apply(replacements[1])['meeting.minutes']).toBe(`${HEADER}@mshears greeted @{Anja Kovacs}.\n`);
    });

    test('declare an unknown person in the file that declares the most parties', async () => {
        const files = {
            'meeting.minutes': `${HEADER}@{Tatiana Tropnia}: Hello.\n`,
            'directory.minutes': DIRECTORY,
            'few.minutes': 'person @zz Zed Zee\n'
        };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.UnknownSpeaker);
        const action = only(fix.actions, "Declare 'Tatiana Tropnia' as a person in directory.minutes");
        expect(action.isPreferred).toBe(false);
        const after = fix.apply(action);
        expect(after['meeting.minutes']).toBe(files['meeting.minutes']);
        expect(after['directory.minutes']).toBe(`${DIRECTORY}\nperson @ttropnia Tatiana Tropnia\n  org:\n  role:\n`);
        expect(await codesAfter(after, 'meeting.minutes')).toEqual([]);
        // A speaker may also be an organisation (a country speaking from the floor).
        only(fix.actions, "Declare 'Tatiana Tropnia' as an organisation in directory.minutes");
    });

    test('the new handle is lowercase ASCII and unused', async () => {
        const files = { 'meeting.minutes': `${HEADER}attendees:\n- @{Mária Cáde}\n`, 'directory.minutes': DIRECTORY };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.UnknownAttendee);
        const after = fix.apply(only(fix.actions, "Declare 'Mária Cáde' as a person in directory.minutes"));
        // `mcade` is Marilyn Cade's handle.
        expect(after['directory.minutes'].endsWith('\nperson @mcade2 Mária Cáde\n  org:\n  role:\n')).toBe(true);
    });

    test('an unknown organisation is declared as one', async () => {
        const files = { 'directory.minutes': `${DIRECTORY}\nperson @xtester Xavier Tester\n  org: @{World Trade Organization}\n` };
        const fix = await codeActions(files, 'directory.minutes', IssueCodes.UnknownOrganisation);
        expect(fix.actions.map(a => a.title)).toEqual(["Declare 'World Trade Organization' as an organisation in directory.minutes"]);
        const after = fix.apply(fix.actions[0]);
        expect(after['directory.minutes'].endsWith('  org: @{World Trade Organization}\n\norg @world-trade-organization World Trade Organization\n  stakeholder:\n')).toBe(true);
        expect(await codesAfter(after, 'directory.minutes')).toEqual([]);
    });

    test('without any directory, the entry goes into the current file', async () => {
        const files = { 'meeting.minutes': `${HEADER}@{Tatiana Tropina}: Hello.` };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.UnknownSpeaker);
        const after = fix.apply(only(fix.actions, "Declare 'Tatiana Tropina' as a person in meeting.minutes"));
        expect(after['meeting.minutes']).toBe(`${HEADER}@{Tatiana Tropina}: Hello.\n\nperson @ttropina Tatiana Tropina\n  org:\n  role:\n`);
        expect(await codesAfter(after, 'meeting.minutes')).toEqual([]);
    });
});

describe('quick fix for a speaker missing from the attendees', () => {
    test('appends a line to the first roster, bulleted like the others', async () => {
        const files = {
            'meeting.minutes': `${HEADER}attendees:\n- @mshears (ICANN Board)\n\nremote:\n- @ttropina\n\n@mshears: One.\n@ttropina: Two.\n@tfredriksson: Three.\n`,
            'directory.minutes': DIRECTORY
        };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.SpeakerNotAttendee);
        const action = only(fix.actions, 'Add Torbjörn Fredriksson to the attendees');
        expect(action.isPreferred).toBe(true);
        const after = fix.apply(action);
        expect(after['meeting.minutes']).toBe(`${HEADER}attendees:\n- @mshears (ICANN Board)\n- @tfredriksson\n\nremote:\n- @ttropina\n\n@mshears: One.\n@ttropina: Two.\n@tfredriksson: Three.\n`);
        expect(await codesAfter(after, 'meeting.minutes')).toEqual([]);
    });

    test('an unbulleted roster gets an unbulleted line', async () => {
        const files = {
            'meeting.minutes': `${HEADER}attendees:\n@mshears\n\n@mshears: One.\n@{Tatiana Tropina}: Two.\n`,
            'directory.minutes': DIRECTORY
        };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.SpeakerNotAttendee);
        const after = fix.apply(only(fix.actions, 'Add Tatiana Tropina to the attendees'));
        expect(after['meeting.minutes']).toBe(`${HEADER}attendees:\n@mshears\n@{Tatiana Tropina}\n\n@mshears: One.\n@{Tatiana Tropina}: Two.\n`);
        expect(await codesAfter(after, 'meeting.minutes')).toEqual([]);
    });

    test('a one-line list gets the name at its end, after a comma', async () => {
        const files = {
            'meeting.minutes': `${HEADER}attendees: @mshears (ICANN Board), @ttropina\n\n@mshears: One.\n@ttropina: Two.\n@tfredriksson: Three.\n`,
            'directory.minutes': DIRECTORY
        };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.SpeakerNotAttendee);
        const after = fix.apply(only(fix.actions, 'Add Torbjörn Fredriksson to the attendees'));
        expect(after['meeting.minutes']).toBe(`${HEADER}attendees: @mshears (ICANN Board), @ttropina, @tfredriksson\n\n@mshears: One.\n@ttropina: Two.\n@tfredriksson: Three.\n`);
        expect(await codesAfter(after, 'meeting.minutes')).toEqual([]);
    });

    test('in a meeting without attendees, a refactoring starts the list after the meeting fields', async () => {
        const text = 'meeting: M\ndate: 2018-03-19\nvenue: Geneva\n\n@mshears: One.\n';
        const files = { 'meeting.minutes': text, 'directory.minutes': DIRECTORY };
        const line = 4;
        const fix = await codeActions(files, 'meeting.minutes', { range: { start: { line, character: 0 }, end: { line, character: 0 } } });
        const action = only(fix.actions, 'Start an attendees list with Matthew Shears');
        expect(action.kind).toBe('refactor.rewrite');
        expect(fix.apply(action)['meeting.minutes']).toBe('meeting: M\ndate: 2018-03-19\nvenue: Geneva\n\nattendees:\n- @mshears\n\n@mshears: One.\n');
    });
});

describe('quick fix for agenda numbering', () => {
    test('renumbers the whole agenda, once however many items are wrong', async () => {
        const before = `${HEADER}agenda:\n1. Opening\n3. Policy\na. IGF\nc. WSIS\n3. Closing\n3.2 Thanks\n`;
        const files = { 'meeting.minutes': before };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.AgendaNumbering);
        const action = only(fix.actions, 'Renumber the agenda');
        expect(action.isPreferred).toBe(true);
        expect(action.diagnostics).toHaveLength(1);
        const after = fix.apply(action);
        expect(after['meeting.minutes']).toBe(`${HEADER}agenda:\n1. Opening\n2. Policy\na. IGF\nb. WSIS\n3. Closing\n3.1 Thanks\n`);
        expect(await codesAfter(after, 'meeting.minutes')).toEqual([]);
    });

    test('keeps the style of the labels: roman numerals, letters, parentheses', async () => {
        const before = `${HEADER}agenda:\n1) One\n1) Two\n   i. Sub\n   iv. Sub\n3) Three\n   a. Other\n   c. Other\n`;
        const fix = await codeActions({ 'meeting.minutes': before }, 'meeting.minutes', IssueCodes.AgendaNumbering);
        const after = fix.apply(only(fix.actions, 'Renumber the agenda'));
        expect(after['meeting.minutes']).toBe(`${HEADER}agenda:\n1) One\n2) Two\n   i. Sub\n   ii. Sub\n3) Three\n   a. Other\n   b. Other\n`);
        expect(await codesAfter(after, 'meeting.minutes')).toEqual([]);
    });
});

describe('quick fix for an action without an owner', () => {
    test('inserts @ after the identifier, for the owner to be typed', async () => {
        const files = { 'meeting.minutes': `${HEADER}action #report: Circulate the report.\n` };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.ActionWithoutOwner);
        const action = only(fix.actions, 'Add an owner (type the name after @)');
        expect(action.isPreferred).toBe(true);
        expect(fix.apply(action)['meeting.minutes']).toBe(`${HEADER}action #report @: Circulate the report.\n`);
    });

    test('inserts @ after `action` when there is no identifier', async () => {
        const files = { 'meeting.minutes': `${HEADER}action due 2018-04-15: Write the paper.\n` };
        const fix = await codeActions(files, 'meeting.minutes', IssueCodes.ActionWithoutOwner);
        const after = fix.apply(only(fix.actions, 'Add an owner (type the name after @)'));
        expect(after['meeting.minutes']).toBe(`${HEADER}action @ due 2018-04-15: Write the paper.\n`);
    });
});

describe('unfinished-attendee-list', () => {
    const NOTE = 'meeting: Call\ndate: 2016-12-21\n\nNotes.\n\nattendees:\nCouncil: @mcade,\n@ttropina\nExcused: @nhickson, @jkulesza,\nProxies: @nhickson to @mcade\n\n@mcade: Hello.\n';

    test('a label whose list ends in a comma, with no line of names after it, is said to be no list, at the comma', async () => {
        const found = await diagnosticsOf(NOTE, IssueCodes.UnfinishedAttendeeList);
        expect(found.map(d => [d.range.start.line, d.range.start.character, d.range.end.character, d.message])).toEqual([[8, 29, 30,
            'This list of names ends in \',\' with no line of names after it, so it is kept as written: Nigel Hickson and Joanna Kulesza are not among the attendees. If the list ends here, remove the \',\'.']]);
    });

    test('the quick fix removes the comma: the names are the group\'s, with its attendance', async () => {
        const after = await expectOnlyFix(NOTE, IssueCodes.UnfinishedAttendeeList, 'End the list here: remove the \',\'', NOTE.replace('@jkulesza,', '@jkulesza'));
        const { documents } = await buildWorkspace({ 'test.minutes': after, 'directory.minutes': DIRECTORY });
        const meeting = structureOf(documents['test.minutes'].parseResult.value).meetings[0];
        expect(meeting.attendees.map(a => [a.party?.name, a.attendance])).toEqual([['mcade', 'present'], ['ttropina', 'present'], ['nhickson', 'apologies'], ['jkulesza', 'apologies']]);
    });
});

describe('narration-after-turn', () => {
    const NOTE = 'meeting: Call\ndate: 2016-12-21\n\n@mcade: the work is not done.\n\nIt goes on.\n\n\nAs you can see we have several options.\n';

    test('a paragraph two blank lines after a turn gets the hint, one blank line does not', async () => {
        const hints = await diagnosticsOf(NOTE, IssueCodes.NarrationAfterTurn);
        expect(hints.map(d => d.range.start.line)).toEqual([8]);
    });

    test('the quick fix writes narration: above it, and the words stay where they are', async () => {
        await expectOnlyFix(NOTE, IssueCodes.NarrationAfterTurn, 'End the turn here: write narration: above this paragraph',
            NOTE.replace('As you can see', 'narration:\nAs you can see'));
    });
});

describe('joint-names-without-colon', () => {
    const NOTE = 'meeting: Call\ndate: 2016-12-21\n\n@mcade/@ttropina agreed on the text.\n\n@mcade/@ttropina will circulate it.\n';

    test('the quick fix writes the colon of their joint turn after the names, every word kept; an action gets no hint', async () => {
        await expectOnlyFix(NOTE, IssueCodes.JointNamesWithoutColon, 'Make it their joint turn: write a colon after the names',
            NOTE.replace('@mcade/@ttropina agreed', '@mcade/@ttropina: agreed'));
    });
});

describe('colon-after-handle', () => {
    const NOTE = 'person @DE: Daniel Ehrenberg\norg @TC39 Ecma TC39\n\nmeeting: Call\ndate: 2016-12-21\n\n@DE: Hello.\n';

    test('an entry written as a field is warned at its colon; an entry without one is not', async () => {
        const found = await diagnosticsOf(NOTE, IssueCodes.ColonAfterHandle);
        expect(found.map(asReported)).toEqual([[2, 0, 10, 11,
            'The name of \'@DE\' starts with a colon, which would be printed as part of it: a directory entry is written \'person @DE Daniel Ehrenberg\', with no colon after the handle.']]);
    });

    test('the quick fix removes the colon alone, and minutes check --fix may apply it', async () => {
        const after = await expectOnlyFix(NOTE, IssueCodes.ColonAfterHandle, 'Remove the colon after the handle', NOTE.replace('@DE:', '@DE'));
        const { documents } = await buildWorkspace({ 'test.minutes': after, 'directory.minutes': DIRECTORY });
        const party = documents['test.minutes'].parseResult.value.blocks[0] as Person;
        expect(displayName(party)).toBe('Daniel Ehrenberg');
        const { documents: before, services } = await buildWorkspace({ 'test.minutes': NOTE, 'directory.minutes': DIRECTORY });
        expect(safeFixesOf(services.Minutes, before['test.minutes']).map(fix => fix.code)).toEqual([IssueCodes.ColonAfterHandle]);
    });
});

describe('name-without-at', () => {
    const NOTE = 'meeting: Call\ndate: 2016-12-21\n\nattendees:\n  - Marilyn Cade\n  - all members of the council\n\n@mcade: Hello.\n';

    test('a line of an attendee list that reads as a name written without @ gets the hint at the name; prose does not', async () => {
        const found = await diagnosticsOf(NOTE, IssueCodes.NameWithoutAt);
        expect(found.map(asReported)).toEqual([[4, 4, 4, 16,
            '\'Marilyn Cade\' is not an attendee: a name in an attendee list is written with @ (@{Marilyn Cade}), and without it the line is prose.']]);
    });

    test('the quick fix writes the name as a reference, and the person is an attendee', async () => {
        const after = await expectOnlyFix(NOTE, IssueCodes.NameWithoutAt, 'Make Marilyn Cade an attendee: write @{Marilyn Cade}', NOTE.replace('- Marilyn Cade', '- @{Marilyn Cade}'));
        const { documents } = await buildWorkspace({ 'test.minutes': after, 'directory.minutes': DIRECTORY });
        expect(structureOf(documents['test.minutes'].parseResult.value).meetings[0].attendees.map(a => a.party?.name)).toEqual(['mcade']);
    });
});
