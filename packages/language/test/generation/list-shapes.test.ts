import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { generateDocx } from '../../src/generation/docx.js';
import { generate } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten, type ListEntry } from '../../src/generation/render-model.js';
import { meetingStatistics } from '../../src/ledger/speaking-statistics.js';
import { headingLevel, structureOf } from '../../src/model/structure.js';
import { plainText } from '../../src/model/text.js';
import { withDirectory } from '../helpers/fixtures.js';

/**
 * The list and heading shapes of issue 13, as the corpus's records write them: setext
 * headings and `+` bullets nested with tabs (the Asterisk notes), a `-----` rule under a `#`
 * heading (TC39's notes), lettered sub-items under a bullet (the ICANN CCWG-IG mail).
 */
const NOTE = [
    'meeting: AstriDevCon 2013, Day Two',
    'date: 2013-10-11',
    '',
    '# Meeting Notes',
    '-----',
    '',
    'Day Two: Asterisk 12 Future',
    '============================',
    '',
    'Agenda',
    '------',
    '',
    '* Media negotiation',
    '\t+ Off load media handling',
    '* Clustering',
    '\t+ Distributed conferencing',
    '\t\t- other projects have done this',
    '',
    '- develop and document internal processes to',
    ' a. respond to a public comment request',
    ' b. act as a sounding board',
    '',
    '@akovacs: The overall consensus in the room was in favor of 13.',
    ''
].join('\n');

const WORDS = ['Meeting Notes', 'Day Two: Asterisk 12 Future', 'Agenda', 'Media negotiation', 'Off load media handling',
    'Distributed conferencing', 'other projects have done this', 'respond to a public comment request', 'act as a sounding board',
    'The overall consensus in the room was in favor of 13.'];

/** An output's text as a reader finds words in it: HTML without its tags, an eml without its soft line breaks. */
function readable(format: string, output: string): string {
    if (format === 'html') return output.replace(/<[^>]+>/g, '');
    return format === 'eml' ? output.replace(/=\r\n/g, '') : output;
}

function texts(entries: readonly ListEntry[]): unknown[] {
    return entries.map(entry => [entry.marker, entry.text.map(span => span.text).join('').trim(), ...(entry.children.length > 0 ? [texts(entry.children)] : [])]);
}

describe('setext headings, + bullets and lettered sub-items', async () => {
    const document = await withDirectory(NOTE);
    const root = document.parseResult.value;
    const structure = structureOf(root);

    test('parse: the underlined lines are headings, and a rule under a # heading ends nothing', () => {
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        expect(structure.sections.map(section => [section.title, section.level, section.children.map(child => child.title)])).toEqual([
            ['Meeting Notes', 1, []], ['Day Two: Asterisk 12 Future', 1, ['Agenda']]
        ]);
        const headings = structure.items.flatMap(item => item.kind === 'heading' ? [[plainText(item.heading.text), headingLevel(item.heading), item.heading.underline]] : []);
        expect(headings).toEqual([['Meeting Notes', 1, '-----'], ['Day Two: Asterisk 12 Future', 1, '============================'], ['Agenda', 2, '------']]);
        // The turn after the rule is the meeting's: the `-----` is the heading's underline, no break.
        expect(structure.meetings).toHaveLength(1);
        expect(structure.meetings[0].turns.map(turn => turn.speaker?.name)).toEqual(['akovacs']);
        expect(structure.items.some(item => item.kind === 'break')).toBe(false);
    });

    test('outline: + items nest under their bullet by the tabs, lettered items under theirs', () => {
        const lists = flatten(outlineOf(root).blocks).flatMap(block => block.kind === 'list' ? [texts(block.items)] : []);
        expect(lists).toEqual([
            // One list: a list goes on across a blank line while its items stay bullets.
            [
                ['*', 'Media negotiation', [['+', 'Off load media handling']]],
                ['*', 'Clustering', [['+', 'Distributed conferencing', [['-', 'other projects have done this']]]]],
                ['-', 'develop and document internal processes to', [['a.', 'respond to a public comment request'], ['b.', 'act as a sounding board']]]
            ]
        ]);
    });

    test('email: headings as text (no --- break), the sub-items indented under their bullet', async () => {
        const email = await generate(document, 'email', { width: 1000 });
        expect(email).not.toMatch(/^---$/m);
        expect(email).not.toMatch(/^=+$\n\nAgenda/m);
        expect(email).not.toMatch(/^-+$/m);
        expect(email).toContain('- develop and document internal processes to\n  a. respond to a public comment request\n  b. act as a sounding board');
        expect(email).toContain('- Media negotiation\n  - Off load media handling');
        for (const words of WORDS) expect(email, words).toContain(words);
    });

    test.each(['markdown', 'html', 'eml', 'json'] as const)('%s keeps every word, the headings as headings', async format => {
        const output = await generate(document, format);
        const text = readable(format, output);
        for (const words of WORDS) expect(text, words).toContain(words);
        if (format === 'markdown') expect(output).toMatch(/^#+ Agenda$/m);
        if (format === 'html') expect(output).toMatch(/<h\d[^>]*>Agenda<\/h\d>/);
    });

    test('Word keeps every word, the lettered items after their bullet', async () => {
        const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await generateDocx(root)) });
        for (const words of WORDS) expect(value, words).toContain(words);
        expect(value.indexOf('respond to a public comment request')).toBeGreaterThan(value.indexOf('develop and document internal processes to'));
    });

    test('stats count the turn after the underlined heading', () => {
        expect(meetingStatistics(structure.meetings[0]).total.interventions).toBe(1);
    });

    test('attribution none: the headings and items stay, the speaker is not named', async () => {
        const email = await generate(document, 'email', { width: 1000, attribution: 'none' });
        for (const words of WORDS) expect(email, words).toContain(words);
        expect(email).not.toContain('Kova');
    });
});

/** A session template's own fields (issue 13), as the IGF 2017 WS186 page writes them. */
const TEMPLATE = [
    'meeting: Data governance and policy: Developing a curriculum (WS186)',
    'date: 2017-12-18',
    '',
    "Proposer's Name: Ms. @ssmith",
    "Co-Proposer's Organization: Geneva Internet Platform",
    '  and DiploFoundation',
    'Session Format: Round Table - 90 Min',
    'Country: Switzerland',
    'Content of the Session:',
    'Data is at the core of modern society.',
    '',
    'Stakeholder Group: Civil Society',
    ''
].join('\n');

describe('custom header fields', async () => {
    const document = await withDirectory(TEMPLATE);
    const root = document.parseResult.value;
    const meeting = structureOf(root).meetings[0];
    const CUSTOM = [
        "Proposer's Name: Ms. Sam Smith", "Co-Proposer's Organization: Geneva Internet Platform and DiploFoundation",
        'Session Format: Round Table - 90 Min', 'Country: Switzerland'
    ];

    test('parse: labels Minutes lacks, in a header of fields, with a value; the rest is prose', () => {
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        expect(meeting.customFields.map(field => [field.label, plainText(field.value).trim()])).toEqual([
            ["Proposer's Name", 'Ms. Sam Smith'], ["Co-Proposer's Organization", 'Geneva Internet Platform'],
            ['Session Format', 'Round Table - 90 Min'], ['Country', 'Switzerland']
        ]);
        // No value on its line: prose, which starts the body; after it, `Stakeholder Group:` is prose too.
        const prose = structureOf(root).items.flatMap(item => item.kind === 'prose' ? item.paragraphs : []);
        expect(prose).toHaveLength(2);
    });

    test('outline: in the header, after the known fields, labelled as written', () => {
        const metadata = outlineOf(root).header.metadata;
        expect(metadata.map(entry => `${entry.label}: ${entry.value.map(span => span.text).join('').trim()}`)).toEqual(['Date: 18 December 2017', ...CUSTOM]);
        expect(metadata.slice(1).every(entry => entry.key === 'custom')).toBe(true);
    });

    test.each(['email', 'markdown', 'html', 'eml', 'json'] as const)('%s shows each custom field with its label', async format => {
        const output = await generate(document, format, { width: 1000 });
        const text = readable(format, output).replace(/[ \t]+/g, ' ');
        for (const [label, value] of CUSTOM.map(line => line.split(': '))) {
            expect(text, label).toContain(label);
            expect(text, value).toContain(value);
        }
        expect(text).toContain('Content of the Session:');
        expect(text).toContain('Stakeholder Group: Civil Society');
    });

    test('Word shows each custom field with its label', async () => {
        const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await generateDocx(root)) });
        for (const line of CUSTOM) for (const part of line.split(': ')) expect(value, part).toContain(part);
    });

    test('editor: hover on the label says what it is; semantic tokens mark the label; folding covers it', async () => {
        const { createMinutesServices } = await import('../../src/minutes-module.js');
        const { EmptyFileSystem } = await import('langium');
        const { CancellationToken } = await import('vscode-languageserver');
        const lsp = createMinutesServices(EmptyFileSystem).Minutes.lsp;
        const id = { uri: document.uri.toString() };
        const hover = await lsp.HoverProvider!.getHoverContent(document, { textDocument: id, position: { line: 3, character: 4 } });
        expect(JSON.stringify(hover?.contents)).toContain("Proposer's Name");
        const tokens = await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: id }, CancellationToken.None);
        // Five numbers a token (line delta, start, length, type, modifiers): the label on line 3, column 0, 16 characters.
        const decoded: number[][] = [];
        for (let i = 0, line = 0, start = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            start = tokens.data[i] === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
            decoded.push([line, start, tokens.data[i + 2]]);
        }
        expect(decoded).toContainEqual([3, 0, "Proposer's Name:".length]);
        const folds = await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: id }, CancellationToken.None);
        expect(folds.map(fold => [fold.startLine, fold.endLine])).toContainEqual([4, 5]);
    });

    test('attribution none: the labels and values stay, the person named in one is not', async () => {
        const email = await generate(document, 'email', { width: 1000, attribution: 'none' });
        expect(email).toContain("Proposer's Name:");
        expect(email).toContain('Session Format:');
        expect(email).not.toContain('Sam Smith');
    });

    test('after a heading or a list, a label Minutes lacks is prose where it is written', async () => {
        const later = await withDirectory('meeting: Call\ndate: 2024-01-05\n\n# Notes\nNotetakers: @ssmith\n\nattendees:\n- @ssmith\n\nSize: px\n');
        expect(structureOf(later.parseResult.value).meetings[0].customFields).toEqual([]);
        expect(await generate(later, 'email')).toMatch(/Notetakers: Sam Smith[\s\S]*Size: px/);
    });
});

/** Attendance grouped by capacity (the UN Ad Hoc Committee's record) and the IETF's regrets. */
const GROUPED = [
    'meeting: Ad Hoc Committee, twenty-sixth meeting',
    'date: 1950-02-10',
    '',
    'attendees:',
    '@ssmith Belgium',
    '@akovacs China',
    '',
    'Representatives of specialized agencies:',
    '@jli International Labour Organisation (ILO)',
    '',
    '- Consultants from non-governmental organizations:',
    '- @pfaltstrom Agudas Israel World Organization',
    '',
    'regrets:',
    '@noemail',
    '',
    '@jli said the article was important.',
    ''
].join('\n');

describe('grouped attendance', async () => {
    const document = await withDirectory(GROUPED);
    const root = document.parseResult.value;
    const meeting = structureOf(root).meetings[0];
    const LABELS = ['Representatives of specialized agencies:', 'Consultants from non-governmental organizations:'];

    test('parse: the groups are the list\'s, across blank lines, with their labels; regrets: is a list of apologies', () => {
        expect(document.parseResult.parserErrors).toEqual([]);
        // The speaker is among the attendees: no speaker-not-attendee.
        expect(document.diagnostics?.map(d => d.code)).not.toContain('speaker-not-attendee');
        expect(meeting.rosters.map(roster => roster.attendees.map(a => [a.party?.name, a.group ? plainText(a.group.text).trim() : undefined, a.attendance]))).toEqual([
            [['ssmith', undefined, 'present'], ['akovacs', undefined, 'present'], ['jli', LABELS[0], 'present'], ['pfaltstrom', LABELS[1], 'present']],
            [['noemail', undefined, 'apologies']]
        ]);
        expect(meeting.turns.map(turn => turn.speaker?.name)).toEqual(['jli']);
    });

    test('outline: the list in groups, each under its label as written', () => {
        const lists = flatten(outlineOf(root).blocks).flatMap(block => block.kind === 'participants' ? [block] : []);
        expect(lists.map(list => [list.label, list.groups.map(group => [group.title.map(span => span.text).join(''), group.participants.map(p => p.party.name)])])).toEqual([
            ['Attendees', [['', ['Sam Smith', 'Anja Kovačević']], [LABELS[0], ['李娜 Li Na']], [LABELS[1], ['Patrik Fältström']]]],
            ['Regrets', [['', ['Chris Without-Email']]]]
        ]);
    });

    test.each(['email', 'markdown', 'html', 'eml', 'json'] as const)('%s keeps each group\'s label before its people', async format => {
        const output = await generate(document, format, { width: 1000 });
        const text = readable(format, output);
        for (const label of LABELS) expect(text, label).toContain(label);
        // Each label comes before its group's people (the HTML's header names them earlier too: the last place counts).
        if (format !== 'json' && format !== 'eml') expect(text.indexOf(LABELS[1])).toBeLessThan(text.lastIndexOf('Patrik Fältström'));
    });

    test('Word keeps each group\'s label before its people', async () => {
        const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await generateDocx(root)) });
        for (const label of LABELS) expect(value, label).toContain(label);
        expect(value.indexOf(LABELS[1])).toBeLessThan(value.lastIndexOf('Patrik Fältström'));
    });

    test('stats: the grouped attendees\' turns count as before', () => {
        expect(meetingStatistics(meeting).total.interventions).toBe(1);
    });

    test('attribution none: the labels stay, with counts; no one is named', async () => {
        const email = await generate(document, 'email', { width: 1000, attribution: 'none' });
        expect(email).toContain('Representatives of specialized agencies: 1 participant');
        expect(email).toContain('Consultants from non-governmental organizations: 1 participant');
        for (const name of ['Sam Smith', 'Fältström', '李娜']) expect(email).not.toContain(name);
    });
});

describe('organisers: as a list', async () => {
    const document = await withDirectory([
        'meeting: Workshop 186', 'date: 2017-12-18', 'organisers:', '- @ssmith (Geneva Internet Platform)', '- DiploFoundation',
        'Session Format: Round Table - 90 Min', '', '@akovacs: Welcome.', ''
    ].join('\n'));
    const root = document.parseResult.value;
    const meeting = structureOf(root).meetings[0];

    test('parse: its bullets are the field\'s items, not turns; the header goes on', () => {
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        expect(meeting.turns.map(turn => turn.speaker?.name)).toEqual(['akovacs']);
        expect(meeting.customFields.map(field => field.label)).toEqual(['Session Format']);
        expect(meetingStatistics(meeting).speakers.map(tally => tally.party?.name)).toEqual(['akovacs']);
    });

    test.each(['email', 'markdown', 'html', 'eml', 'json'] as const)('%s shows the organisers in the header, each as written', async format => {
        const output = await generate(document, format, { width: 1000 });
        const text = readable(format, output);
        expect(text).toContain('Sam Smith (Geneva Internet Platform); DiploFoundation');
    });

    test('Word and attribution none', async () => {
        const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await generateDocx(root)) });
        expect(value).toContain('Sam Smith (Geneva Internet Platform); DiploFoundation');
        const email = await generate(document, 'email', { width: 1000, attribution: 'none' });
        expect(email).toContain('(Geneva Internet Platform); DiploFoundation');
        expect(email).not.toContain('Sam Smith');
    });
});

describe('a header key in the body', async () => {
    const text = 'meeting: Fourth Committee\ndate: 2009-11-03\nchair: @ssmith\n\nThe meeting was called to order.\n\nsymbol: A/C.4/64/SR.22\n  (continued)\n\n\\Slides: on the wiki.\n';
    const document = await withDirectory(text);

    test('is prose where written, with a hint on the unescaped line only', async () => {
        const warnings = (document.diagnostics ?? []).filter(d => d.code === 'header-key-in-body');
        expect(warnings.map(d => [d.range.start.line, d.severity])).toEqual([[6, 4]]);
        expect(await generate(document, 'email', { width: 1000 })).toMatch(/called to order\.\n\nsymbol: A\/C\.4\/64\/SR\.22 \(continued\)/);
    });

    test('quick fixes: move the line and its continuation under the header, or escape the key', async () => {
        const { createMinutesServices } = await import('../../src/minutes-module.js');
        const { EmptyFileSystem } = await import('langium');
        const services = createMinutesServices(EmptyFileSystem).Minutes;
        const diagnostic = (document.diagnostics ?? []).find(d => d.code === 'header-key-in-body')!;
        const actions = services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as Array<{ title: string; edit?: { changes?: Record<string, Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>> } }>;
        expect(actions.map(action => action.title)).toEqual(["Move it to the meeting's header", 'Keep it prose: escape the key']);
        const { TextDocument } = await import('vscode-languageserver-textdocument');
        const apply = (index: number) => TextDocument.applyEdits(TextDocument.create('x', 'minutes', 0, text), actions[index].edit!.changes![document.uri.toString()]);
        expect(apply(0)).toBe('meeting: Fourth Committee\ndate: 2009-11-03\nchair: @ssmith\nsymbol: A/C.4/64/SR.22\n  (continued)\n\nThe meeting was called to order.\n\n\n\\Slides: on the wiki.\n');
        expect(apply(1)).toContain('\n\\symbol: A/C.4/64/SR.22\n');
    });
});
