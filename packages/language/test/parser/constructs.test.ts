import { describe, expect, test } from 'vitest';
import type { Document, Person } from '../../src/generated/ast.js';
import { continuationOf, structureOf } from '../../src/model/structure.js';
import { plainText } from '../../src/model/text.js';
import { textContent } from '../../src/model/text-content.js';
import { aliasesOf, displayName, honorificOf, organisationsOf, roleOf, stakeholderGroupOf } from '../../src/model/directory.js';
import { buildWorkspace, parse } from '../helpers/workspace.js';

const directory = `
person @mcade Marilyn Cade
  alias: Marilyn
  org: @ICANN-BC
person @mshears Mr Matthew Shears
  aliases: Matthew, Mathew Shears
  org: @ICANN-Board
person @pfaltstrom Patrik Fältström
  org: @SSAC
  role: SSAC Chair
person @pwilson Mr Paul Wilson
  org: @APNIC, @GFCE
  role: Director General, APNIC; Member of the Advisory Board of GFCE
person @mkummer Marcus Kummer
  aliases: MARCUS KUMER

org @ICANN-BC Business Constituency
  stakeholder: private sector
org @ICANN-Board ICANN Board
  stakeholder: technical community
org @SSAC Security and Stability Advisory Committee
  acronym: SSAC
org @APNIC Asia Pacific Network Information Centre
  acronym: APNIC
  stakeholder: technical community
org @GFCE Global Forum on Cyber Expertise
country @Russia Russia
office @UN-SG-Office UN SG Office
  stakeholder: intergovernmental
`;

async function parseClean(text: string): Promise<Document> {
    const document = await parse(text, directory);
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors.map(e => `${e.token.startLine}:${e.token.startColumn} ${e.message}`)).toEqual([]);
    const unresolved = document.references.filter(r => r.error && r.$refText !== '?').map(r => r.$refText);
    expect(unresolved).toEqual([]);
    return document.parseResult.value;
}

describe('the directory', () => {
    test('people: display name, honorific, aliases, organisations, role', async () => {
        const { documents } = await buildWorkspace({ 'directory.minutes': directory });
        const root = documents['directory.minutes'].parseResult.value;
        expect(documents['directory.minutes'].parseResult.parserErrors).toEqual([]);
        const people = root.blocks.filter(b => b.$type === 'Person') as Person[];
        const shears = people.find(p => p.name === 'mshears')!;
        expect(displayName(shears)).toBe('Matthew Shears');
        expect(honorificOf(shears)).toBe('Mr');
        expect(aliasesOf(shears)).toEqual(['Matthew', 'Mathew Shears']);
        expect(organisationsOf(shears).map(o => o.name)).toEqual(['ICANN-Board']);
        const wilson = people.find(p => p.name === 'pwilson')!;
        expect(roleOf(wilson)).toBe('Director General, APNIC; Member of the Advisory Board of GFCE');
        expect(organisationsOf(wilson).map(o => o.name)).toEqual(['APNIC', 'GFCE']);
        expect(stakeholderGroupOf(wilson)).toBe('technical community');
        const russia = root.blocks.find(b => b.$type === 'Organisation' && b.name === 'Russia')!;
        expect(stakeholderGroupOf(russia as Person)).toBe('government');
    });

    test('names resolve by handle, name or alias, ignoring case, accents, punctuation and honorifics', async () => {
        const root = await parseClean([
            '@mcade: one',
            '@Marilyn: two',
            '@{marilyn cade}: three',
            '@{Patrik Faltstrom}: four',
            '@{MARCUS KUMER}: five',
            '@{Mr. Matthew Shears}: six',
            '@Russia said seven'
        ].join('\n'));
        const speakers = structureOf(root).meetings[0].turns.map(t => t.speaker?.name);
        expect(speakers).toEqual(['mcade', 'mcade', 'mcade', 'pfaltstrom', 'mkummer', 'mshears', 'Russia']);
    });
});

describe('a meeting', () => {
    test('metadata fields', async () => {
        const root = await parseClean([
            'meeting: CCWG IG Session at the WSIS Forum 2018',
            'group: @ICANN-BC',
            'event: WSIS Forum 2018',
            'session: WS132',
            'date: 2018-03-19',
            'time: 16:30 – 18:00 hrs.',
            'venue: Geneva',
            'room: Salle X',
            'format: in person',
            'programme: https://www.itu.int/net4/wsis/forum/2018/Pages/Agenda/Session/196#intro',
            'organisers: @mcade, @mshears and @pwilson',
            'chair: @mcade',
            'moderator: @mcade',
            'rapporteur: @mshears',
            'author: @mshears',
            'greeting: Good afternoon.',
            'sign-off: GE; 23/3',
            'disclaimer: The following are the outputs of the real-time captioning.',
            'It is posted as an aid to understanding the proceedings.',
            'attendance: 15 (17, inc. staff)'
        ].join('\n'));
        const meeting = structureOf(root).meetings[0];
        expect(meeting.start?.key).toBe('meeting:');
        expect(meeting.fields.map(f => f.key)).toEqual([
            'meeting:', 'group:', 'event:', 'session:', 'date:', 'time:', 'venue:', 'room:', 'format:', 'programme:',
            'organisers:', 'chair:', 'moderator:', 'rapporteur:', 'author:', 'greeting:', 'sign-off:', 'disclaimer:', 'attendance:'
        ]);
        const content = textContent(root);
        expect(content).toContain('Marilyn Cade, Matthew Shears and Paul Wilson');
        expect(content).toContain('The following are the outputs of the real-time captioning.\nIt is posted as an aid');
        expect(content).toContain('15 (17, inc. staff)');
    });

    test('attendance: rosters, statuses and notes', async () => {
        const root = await parseClean([
            'meeting: M',
            'attendees:',
            '- @{Matthew Shears} (ICANN Board)',
            '- @mkummer',
            '- @mcade (Remote)',
            '- @pwilson (absent): contributed slides, presented by the moderator',
            'staff:',
            '@pfaltstrom',
            '',
            'apologies:',
            '- @Russia'
        ].join('\n'));
        const attendees = structureOf(root).meetings[0].attendees;
        expect(attendees.map(a => [a.party?.name, a.attendance, a.note])).toEqual([
            ['mshears', 'present', '(ICANN Board)'],
            ['mkummer', 'present', ''],
            ['mcade', 'remote', '(Remote)'],
            ['pwilson', 'absent', '(absent): contributed slides, presented by the moderator'],
            ['pfaltstrom', 'staff', ''],
            ['Russia', 'apologies', '']
        ]);
    });

    test('agenda: nested by indentation or by label kind, and sections that follow it', async () => {
        const root = await parseClean([
            'meeting: M',
            'agenda:',
            '1. Policy Topics',
            'a. IGF Community Public Consultation',
            'i. IGF Consultation Page',
            'ii. List of Comments received',
            'b. CSTD Intersessional meeting',
            'h. eighth',
            'i. ninth, a letter after h',
            '2. Organisational Topics',
            '',
            'topics:',
            '1. One',
            '   a. One a',
            '      i. deep',
            '2. Two',
            '',
            '# 1. Policy Topics',
            'Prose.',
            '## Sub-section',
            '# 2. Organisational Topics'
        ].join('\n'));
        const [first, second] = structureOf(root).meetings[0].agendas;
        const shape = (nodes: typeof first.items): unknown => nodes.map(n => n.children.length ? [n.label, shape(n.children)] : n.label);
        expect(shape(first.items)).toEqual([['1.', [['a.', ['i.', 'ii.']], 'b.', 'h.', 'i.']], '2.']);
        expect(shape(second.items)).toEqual([['1.', [['a.', ['i.']]]], '2.']);
        const sections = structureOf(root).sections;
        expect(sections.map(s => [s.title, s.children.map(c => c.title)])).toEqual([
            ['1. Policy Topics', ['Sub-section']], ['2. Organisational Topics', []]
        ]);
    });

    test('interventions: colon and narrated turns, qualifiers, paragraphs and bullets, unidentified speakers', async () => {
        const root = await parseClean([
            'meeting: M',
            '@mshears:',
            'He noted that ICANN is unique; so quite different from other processes — “all” involved: yes (2005).',
            '',
            'Noted the IANA Transition linked accountability measures.',
            '',
            '@mkummer [replying to @Marilyn, for @ICANN-Board, as Chair, remote]: In answer to question from @Marilyn he noted…',
            '@pwilson [presented by @mcade] (not present).',
            'She went through Slides emphasising:',
            '- How historically issues like “piracy” have been approached;',
            '- How a US Bill could allow those hacked to hack-back legally',
            '@Russia said we cannot stop Internet as border; we need global rules; #WGEC',
            '@?: So, I have a question.',
            '@? [from the floor]: Thank you very much.'
        ].join('\n'));
        const turns = structureOf(root).meetings[0].turns;
        expect(turns.map(t => [t.speaker?.name ?? (t.unidentified ? '?' : undefined), t.line.colon, t.kind])).toEqual([
            ['mshears', true, 'intervention'],
            ['mkummer', true, 'intervention'],
            ['pwilson', false, 'intervention'],
            ['Russia', false, 'intervention'],
            ['?', true, 'intervention'],
            ['?', true, 'floor']
        ]);
        expect(turns[0].paragraphs.map(p => p.kind)).toEqual(['paragraph', 'paragraph']);
        expect(turns[1].qualifiers).toMatchObject({ capacity: 'Chair', remote: true, unknown: [] });
        expect(turns[1].qualifiers.respondsTo?.name).toBe('mcade');
        expect(turns[1].qualifiers.onBehalfOf?.name).toBe('ICANN-Board');
        expect(turns[2].qualifiers.presentedBy?.name).toBe('mcade');
        // The line after `@pwilson … (not present).` continues it: consecutive lines are one paragraph.
        expect(continuationOf(turns[2].line).map(line => plainText(line.text))).toEqual(['She went through Slides emphasising:']);
        expect(turns[2].paragraphs.map(p => p.kind)).toEqual(['list']);
        const content = textContent(root);
        expect(content).toContain('Matthew Shears (ICANN Board)\nHe noted that ICANN is unique; so quite different from other processes — “all” involved: yes (2005).');
        expect(content).toContain('In answer to question from Marilyn he noted…');
        expect(content).toContain('Paul Wilson (not present).\nShe went through Slides emphasising:\nHow historically issues like “piracy” have been approached;');
        expect(content).toContain('Russia said we cannot stop Internet as border; we need global rules; #WGEC');
        expect(content).toContain('So, I have a question.');
    });

    test('parts of a meeting: presentations, discussion round, questions, floor', async () => {
        const root = await parseClean([
            'meeting: M',
            'presentations: If there were presentations',
            '@{Marcus Kummer}. Presentation summary.',
            'discussion: In discussion',
            '- @Marilyn noted there are differences.',
            '- @Matthew said we have evolved from WSIS (2005);',
            'questions:',
            '@mcade: Why?',
            '@mkummer: Because.',
            'floor: Discussion with audience',
            '@Russia said we need global rules;',
            '@UN-SG-Office – noted SG was looking at way to engage;'
        ].join('\n'));
        const turns = structureOf(root).meetings[0].turns;
        expect(turns.map(t => t.kind)).toEqual(['presentation', 'discussion', 'discussion', 'question', 'question', 'floor', 'floor']);
        expect(textContent(root)).toContain('Marcus Kummer. Presentation summary.');
        expect(textContent(root)).toContain('UN SG Office – noted SG was looking at way to engage;');
    });

    test('outcomes and actions', async () => {
        const root = await parseClean([
            'meeting: M',
            'date: 2018-03-19',
            'conclusion: Nigel noted the role of CCWG IG.',
            'conclusions: Conclusions from the discussion in the session:',
            '- There needs to be enhanced coordination',
            '- Some form of common approach could be beneficial',
            'decision: Adopted.',
            'agreed: Also adopted.',
            'key takeaways:',
            '- One',
            'next steps:',
            '- A paper on what the gaps are.',
            'action #ws-report @mshears, @mcade due 2018-04-15: Circulate the wider report of @Marilyn.',
            'action: Nobody owns this yet.',
            'action @pwilson done: Slides sent.',
            'update #ws-report done: Circulated on 2 April.'
        ].join('\n'));
        const meeting = structureOf(root).meetings[0];
        expect(meeting.outcomes.map(o => [o.kind, o.plural])).toEqual([
            ['conclusion', false], ['conclusion', true], ['decision', false], ['decision', false], ['takeaway', true], ['next-step', true]
        ]);
        expect(meeting.actions.map(a => [a.id, a.owners.map(o => o.name), a.due, a.status, a.text])).toEqual([
            ['ws-report', ['mshears', 'mcade'], '2018-04-15', 'open', 'Circulate the wider report of Marilyn.'],
            [undefined, [], undefined, 'open', 'Nobody owns this yet.'],
            [undefined, ['pwilson'], undefined, 'done', 'Slides sent.']
        ]);
        expect(meeting.updates.map(u => [u.update.action.ref?.name, u.status, u.text])).toEqual([['ws-report', 'done', 'Circulated on 2 April.']]);
    });

    test('narrative sections, links, quotes and comments', async () => {
        const root = await parseClean([
            'report: Report on the 2017 Activities',
            '// a comment that is not content',
            '# 1. Background',
            'The notion of Enhanced Cooperation (https://www.itu.int/net/wsis/outcome/booklet/tunis-agenda_C.html); see #WGEC.',
            'Prose /* an aside */ continues.',
            '> "I understand that post-transition ICANN needs to be cognizant."',
            '> Second line of the quote.',
            '/* a block',
            'comment */',
            '1. A numbered paragraph'
        ].join('\n'));
        const structure = structureOf(root);
        expect(structure.meetings).toEqual([]);
        expect(structure.fields.map(f => f.key)).toEqual(['report:']);
        const content = textContent(root);
        expect(content).not.toContain('comment');
        expect(content).not.toContain('aside');
        expect(content).toContain('Prose continues.');
        expect(content).toContain('(https://www.itu.int/net/wsis/outcome/booklet/tunis-agenda_C.html); see #WGEC.');
        expect(content).toContain('"I understand that post-transition ICANN needs to be cognizant." Second line of the quote.');
    });

    test('several meetings in one document, ended by headings and breaks', async () => {
        const root = await parseClean([
            'report: Annual report',
            '# 2. Events',
            '## 2.1 Engagement',
            'meeting: Public Session',
            'speakers:',
            '- @pfaltstrom, SSAC Chair',
            '',
            '### ICANN 59, Johannesburg',
            'Still the public session.',
            '## 2.2 Teleconferences',
            'meeting: Call 1',
            'date: 2 Feb 2017',
            'attendance: 15',
            '(17, inc. staff)',
            'meeting: Call 2',
            'date: 16 Feb 2017',
            '---',
            'Report prose again.'
        ].join('\n'));
        const meetings = structureOf(root).meetings;
        expect(meetings.map(m => m.fields[0].value?.$cstNode?.text)).toEqual(['Public Session', 'Call 1', 'Call 2']);
        expect(meetings[0].attendees.map(a => a.party?.name)).toEqual(['pfaltstrom']);
        const items = structureOf(root).items;
        const lastProse = items.filter(i => i.kind === 'prose');
        expect(lastProse.map(i => i.meeting?.fields[0].value?.$cstNode?.text)).toEqual(['Public Session', 'Call 1', undefined]);
    });

    test('a front matter: a `---` on the first line opens a header of fields up to the next `---`; anywhere else it is a break', async () => {
        const front = await parseClean(['// Copied from the group\'s site', '', '---', 'date: 2025-10-13', 'title: Steering council', 'venue: Online', '---', '', 'The council met.'].join('\n'));
        const structure = structureOf(front);
        expect(structure.fields.map(field => [field.key, plainText(field.value)])).toEqual([['date:', '2025-10-13'], ['venue:', 'Online']]);
        expect(structure.customFields.map(field => [field.label, plainText(field.value)])).toEqual([['title', 'Steering council']]);
        expect(plainText(structure.date?.value)).toBe('2025-10-13');
        // After a line of prose, a field, a turn, a heading or an item, `---` is a break (a blank line apart: right under a line, it underlines it).
        for (const first of ['The council met.', 'venue: Online', '@mcade: Hello.', '# Steering council', '- An item']) {
            const root = await parseClean([first, '', '---', 'date: 2025-10-13', ''].join('\n'));
            expect(structureOf(root).fields.map(field => field.key), first).not.toContain('date:');
        }
    });

    test('prose keeps every punctuation mark and non-ASCII letter', async () => {
        const prose = 'Was thought that Cybersecurity (and solutions) — “quotes”, ‘single’, it’s; colons: yes; 50% & #tags, 2014/5, e-mail x@y.org, Rõigas, Fernández, Fältström, 日本語, عربى, 😀.';
        const root = await parseClean(`meeting: M\n@mcade: ${prose}`);
        expect(textContent(root)).toContain(prose);
    });

    test('a half-typed line does not break the lines after it', async () => {
        const document = await parse(['meeting: M', '@', 'action @', '@{Mar', '@mcade: still parsed'].join('\n'), directory);
        const turns = structureOf(document.parseResult.value).meetings[0].turns;
        expect(turns.at(-1)?.speaker?.name).toBe('mcade');
    });
});
