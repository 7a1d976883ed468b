import { describe, expect, test } from 'vitest';
import { emailOf, generateEmail } from '../../src/generation/email.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten, type TurnOutline } from '../../src/generation/render-model.js';
import { readable } from '../../src/generation/rich-text.js';
import { displayWidth } from '../../src/generation/wrap.js';
import { documentsUnderTest, loadFixtures, withDirectory } from '../helpers/fixtures.js';

const documents = await documentsUnderTest();
const fixtures = await loadFixtures();
const boardDocument = fixtures['board-meeting.minutes'].parseResult.value;
const board = generateEmail(boardDocument);

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Chinese and Japanese wrap between characters, where a line break stands for no space: such text is compared without white space. */
const WIDE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303F\uFF00-\uFF60]/u;
const compact = (text: string) => text.replace(/\s+/g, '');

/** A turn's line as written: the name, its qualifiers in brackets, then the rest of the line. */
function writtenLine(turn: TurnOutline): string {
    const qualifiers = readable(turn.qualifierText);
    return readable(turn.name) + (qualifiers ? ` [${qualifiers}]` : '') + readable(turn.line.slice(turn.name.length));
}

describe('the email of every fixture and example', () => {
    for (const { name, document } of documents) {
        for (const width of [72, 50, 30]) {
            test(`${name} at ${width} columns: no line wider but for a single word, no trailing space`, () => {
                const email = generateEmail(document.parseResult.value, { width });
                expect(email.startsWith('Subject: ')).toBe(true);
                expect(email.endsWith('\n')).toBe(true);
                for (const line of email.split('\n')) {
                    expect(line).toBe(line.trimEnd());
                    if (displayWidth(line) > width) {
                        // An overlong line holds one word (a URL, say) after its indent, list marker or label.
                        expect(line.trim().replace(/^([-*]|\d+[.)]|[a-z][.)]|[ivx]+[.)]|[A-Z][\w-]*:)\s+/, '')).not.toMatch(/\s/);
                    }
                }
            });
        }

        test(`${name}: every paragraph, list item and turn of the outline reads in the email`, () => {
            const outline = outlineOf(document.parseResult.value);
            const email = normalised(emailOf(outline));
            const texts = flatten(outline.blocks).flatMap(block => {
                switch (block.kind) {
                    case 'paragraph': case 'quote': return [readable(block.text)];
                    case 'list': return block.items.map(item => readable(item.text));
                    case 'turn': return [writtenLine(block.turn)];
                    case 'turns': return block.turns.map(writtenLine);
                    case 'heading': return [readable(block.text)];
                    default: return [];
                }
            });
            const compactEmail = compact(email);
            for (const text of texts.filter(t => t.length > 0)) {
                if (WIDE.test(text)) expect(compactEmail).toContain(compact(text));
                else expect(email).toContain(normalised(text));
            }
        });
    }
});

describe('the email layout', () => {
    test('a Subject line from the metadata, then the title underlined', () => {
        const lines = board.split('\n');
        expect(lines[0]).toBe('Subject: Steering group — Ljubljana retreat, Ljubljana, Slovenia, 18');
        expect(lines[1]).toBe(' April 2024');
        expect(lines[3]).toBe('Steering group — Ljubljana retreat');
        expect(lines[4]).toBe('='.repeat(displayWidth(lines[3])));
    });

    test('metadata as aligned label lines', () => {
        expect(board).toContain('\nDate:       18 April 2024\nTime:       09:00–12:30 CEST\n');
        expect(board).toContain('\nChair:      Patrik Fältström\n');
    });

    test('a URL longer than the line stays whole', () => {
        const url = 'https://example.org/slides/very/long/path/that/cannot/be/broken/without/breaking/the/link/2024-04-18.pdf';
        expect(board.split('\n')).toContain(url);
    });

    test('a URL written `<url>` keeps its angle brackets where a word touches it: bare, `<https://example.org>now` would be read as one address', async () => {
        const document = await withDirectory('meeting: Links\ndate: 2024-04-18\n\n'
            + 'See <https://example.org>now, word<https://a.example>, (<https://b.example>) and <https://c.example>. Also "<https://d.example>"\n\n'
            + 'Written without them, it stays so: Seehttps://e.example/page for more.\n\n'
            + '*Agenda: <https://indico.cern.ch/event/1032037>*\n');
        const email = generateEmail(document.parseResult.value, { width: 1000 });
        expect(email).toContain('See <https://example.org>now, word<https://a.example>, (https://b.example) and https://c.example. Also "https://d.example"\n');
        expect(email).toContain('Written without them, it stays so: Seehttps://e.example/page for more.\n');
        // Against the marks of emphasis (HSF's generator meetings), as against a word.
        expect(email).toContain('\n*Agenda: <https://indico.cern.ch/event/1032037>*\n');
    });

    test('the `---` lines of a front matter mark it and are not printed: its fields are the header; any other `---` is printed where it is', async () => {
        const document = await withDirectory('// From the group\'s site\n---\ndate: 2025-10-13\ntitle: Steering council\n---\n\nThe council met.\n\n---\n\nAfter the break.\n');
        const email = generateEmail(document.parseResult.value, { width: 1000 });
        expect(email).toContain('\nDate:  13 October 2025\ntitle: Steering council\n\nThe council met.\n\n---\n\nAfter the break.\n');
        expect(email.match(/^---$/gm)).toHaveLength(1);
    });

    test('bullets keep their marker and a hanging indent; nested items are indented under their parent', () => {
        expect(board).toContain(
            '- research on *abuse* reports, with [brackets] and _underscores_ kept as\n' +
            '  written;\n');
        expect(board).toContain('\n  - nested detail: the cleaning script is in the repository\n');
    });

    test('a speaker block is headed by name and organisation, with the qualifiers in brackets', () => {
        expect(board).toContain('\n\nAnja Kovačević (Faculty of Law, Zagreb) [replying to Patrik]\n\nThe plan has three parts:\n');
    });

    test('the participant list shows affiliations and remote or absent notes as written', () => {
        expect(board).toContain([
            '- Anja Kovačević (Faculty of Law, Zagreb)',
            '- 李娜 Li Na (CNNIC)',
            '- Sam Smith (Acme Networks)',
            '- Chris (remote)',
            '- Iceland (absent): apologies sent by email'
        ].join('\n'));
    });

    test('actions name their owners, due date and status', () => {
        expect(board).toContain('Action #plan-publish (Sam Smith, Anja Kovačević, due 2024-05-01):\nPublish the work plan on the wiki.');
        expect(board).toContain('Action #budget (Patrik Fältström, done): Circulate the budget.');
        expect(board).toContain('Update on #plan-publish (open): The wiki page is drafted.');
    });

    test('outcomes read with their label; the sign-off ends the email', () => {
        expect(board).toContain('\n\nDecision: The work plan is adopted.\n\n');
        // `conclusions: What the group concluded`: the key's label, then the text written after it.
        expect(board).toContain('\n\nConclusions: What the group concluded\n\n- Research first\n- Outreach in the autumn\n');
        expect(board.endsWith('\n\nSam, 19/4\n')).toBe(true);
    });

    test('non-ASCII text is kept as it is: accents, Chinese, emoji', () => {
        for (const text of ['Fältström', '李娜', 'Kovačević', 'naïve café', '🎉', 'Dvorana Ö']) expect(board).toContain(text);
        expect(board.isWellFormed()).toBe(true);
        expect(board).toBe(board.normalize('NFC'));
    });

    test('--width 0 (infinite) does not wrap; a narrow width wraps more', () => {
        const unwrapped = generateEmail(boardDocument, { width: Number.POSITIVE_INFINITY });
        expect(unwrapped).toContain('Opened the meeting and welcomed Li Na, who joins from CNNIC. Non-ASCII stays intact: Fältström, 李娜, Kovačević, naïve café, emoji 🎉 and a long Croatian word Prijestolonasljednikovica.\n');
        expect(generateEmail(boardDocument, { width: 40 }).split('\n').length).toBeGreaterThan(board.split('\n').length);
    });

    test('a document with several meetings has every meeting, each under its underlined title', () => {
        const email = generateEmail(fixtures['annual-report.minutes'].parseResult.value);
        expect(email.match(/^Teleconference\n-{14}$/gm)).toHaveLength(2);
        expect(email).toContain('Spring meeting\n--------------\n');
        expect(email).toContain('Attendance: 15 (17, inc. staff)');
        expect(email.indexOf('Spring meeting')).toBeLessThan(email.indexOf('Teleconference'));
        expect(email.indexOf('3. Outlook')).toBeGreaterThan(email.lastIndexOf('Teleconference'));
    });
});
