import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import type { ListEntry, OutlineBlock } from '../../src/generation/render-model.js';
import { plain } from '../../src/generation/rich-text.js';
import { meetingStatistics } from '../../src/ledger/speaking-statistics.js';
import { structureOf, turnsOf, type Paragraph } from '../../src/model/structure.js';
import { plainText } from '../../src/model/text.js';
import { buildWorkspace } from '../helpers/workspace.js';

/**
 * A bullet that starts with a speaker (`  * @Rich has created a stub`) is a turn, and stays where
 * it is written: an item of the list it is in, under the item above it, never taking the bullets
 * after it (`nodejs-tsc-2018-04-11` 40; docs/language.md, "Interventions"). A bullet turn that
 * starts a round takes only the lines indented under it.
 */
const DIRECTORY = 'person @Rich Rich Trott\nperson @Ben Ben Okafor\n';

async function load(body: string) {
    const { documents } = await buildWorkspace({ 'note.minutes': `meeting: T\ndate: 2018-04-11\n\n${body}`, 'directory.minutes': DIRECTORY });
    const document = documents['note.minutes'];
    const structure = structureOf(document.parseResult.value);
    return { document, structure, meeting: structure.meetings[0] };
}

/** Each bullet of the outputs, in order, as `depth text`: list entries by their nesting (`turn:` for a turn), a round's bullets (`round:`) and the lists under them. */
function bullets(document: Awaited<ReturnType<typeof load>>['document']): string[] {
    const out: string[] = [];
    const entries = (items: readonly ListEntry[], depth: number) => {
        for (const item of items) {
            out.push(`${depth} ${item.turn ? 'turn: ' : ''}${plain(item.text)}`);
            entries(item.children, depth + 1);
        }
    };
    const walk = (blocks: readonly OutlineBlock[]) => {
        for (const block of blocks) {
            if (block.kind === 'meeting') walk(block.meeting.blocks);
            if (block.kind === 'list') entries(block.items, 0);
            if (block.kind === 'turn') walk(block.turn.blocks);
            if (block.kind === 'turns') {
                for (const turn of block.turns) {
                    out.push(`round: ${plain(turn.line)}`);
                    walk(turn.blocks);
                }
            }
        }
    };
    walk(outlineOf(document.parseResult.value).blocks);
    return out;
}

/** The shape of the structure's items: `prose`, `turn` (the speaker), with the turns written in their lists. */
function shape(structure: Awaited<ReturnType<typeof load>>['structure']): string[] {
    return structure.items.filter(item => item.kind !== 'meeting-start' && item.kind !== 'field').map(item => {
        const own = item.kind === 'turn' ? `turn ${item.turn.speaker?.name}` : item.kind;
        const listed = turnsOf(item).filter(turn => item.kind !== 'turn' || turn !== item.turn).map(turn => turn.speaker?.name);
        return listed.length > 0 ? `${own} [${listed.join(', ')}]` : own;
    });
}

interface JsonEntry {
    text: { text: string };
    turn?: { speaker: { handle: string }; style: string };
    children: JsonEntry[];
}

const REPRODUCTION = '* Tracking issue.\n  * @Rich has created a stub.\n  * Runtime deprecation landed.\n* Next item.\n';

describe('a bullet that starts with a speaker, inside a list', () => {
    test('the reproduction: Rich\'s bullet stays under "Tracking issue.", and the bullets after it keep their depth', async () => {
        const { document, structure, meeting } = await load(REPRODUCTION);
        expect(shape(structure)).toEqual(['prose [Rich]']);
        expect(bullets(document)).toEqual(['0 Tracking issue.', '1 turn: Rich Trott has created a stub.', '1 Runtime deprecation landed.', '0 Next item.']);
        // Still Rich's turn: counted, with his words only.
        expect(meeting.turns.map(turn => [turn.speaker?.name, plainText(turn.line.text).trim(), turn.paragraphs.length])).toEqual([['Rich', 'has created a stub.', 0]]);
        expect(meetingStatistics(meeting).speakers.map(speaker => [speaker.name, speaker.interventions, speaker.words])).toEqual([['Rich Trott', 1, 4]]);
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const email = await generate(document, 'email', { width: Number.POSITIVE_INFINITY });
        expect(email).toContain('- Tracking issue.\n  - Rich Trott has created a stub.\n  - Runtime deprecation landed.\n- Next item.\n');
        const markdown = await generate(document, 'markdown');
        expect(markdown).toContain('- Tracking issue.\n  - **Rich Trott** has created a stub.\n  - Runtime deprecation landed.\n- Next item.');
        const html = await generate(document, 'html');
        expect(html).toMatch(/<li>Tracking issue\.\n<ul>\n<li><a [^>]*>Rich Trott<\/a> has created a stub\.<\/li>\n<li>Runtime deprecation landed\.<\/li>\n<\/ul><\/li>\n<li>Next item\.<\/li>/);
        // JSON: the entry says it is Rich's turn, with its line as written.
        const json = JSON.parse(await generate(document, 'json')) as { meetings: Array<{ body: Array<{ type: string; items?: JsonEntry[] }> }> };
        const list = json.meetings[0].body.find(block => block.type === 'list');
        const entry = list?.items?.[0].children[0];
        expect([entry?.text.text, entry?.turn?.speaker.handle, entry?.turn?.style]).toEqual(['Rich Trott has created a stub.', 'Rich', 'bullet']);
    });

    test('the last bullet of a list, wrapped onto a second line, with a mention at its end', async () => {
        const { document, structure, meeting } = await load('* Tracking issue.\n  * @Rich has created a stub. @Ben\n    will edit.\n');
        expect(shape(structure)).toEqual(['prose [Rich]']);
        expect(bullets(document)).toEqual(['0 Tracking issue.', '1 turn: Rich Trott has created a stub. Ben Okafor will edit.']);
        expect(meeting.turns).toHaveLength(1);
    });

    test('deeper: the bullet three levels down keeps its depth, and so do the items under it and after it', async () => {
        const { document, structure } = await load('* A\n  * B\n    * @Rich has created a stub.\n      * C\n  * D\n* E\n');
        expect(shape(structure)).toEqual(['prose [Rich]']);
        expect(bullets(document)).toEqual(['0 A', '1 B', '2 turn: Rich Trott has created a stub.', '3 C', '1 D', '0 E']);
    });

    test('the items under a turn in a list are its words, printed once, as the item\'s children', async () => {
        const { document, meeting } = await load('* Topic\n  * @Rich:\n    * point one\n    * point two\n  * Runtime deprecation landed.\n');
        expect(bullets(document)).toEqual(['0 Topic', '1 turn: Rich Trott:', '2 point one', '2 point two', '1 Runtime deprecation landed.']);
        // He said something: no empty-intervention.
        expect(document.diagnostics?.map(d => d.code)).not.toContain('empty-intervention');
        expect(meetingStatistics(meeting).speakers.map(speaker => [speaker.name, speaker.words])).toEqual([['Rich Trott', 4]]);
        const email = await generate(document, 'email', { width: Number.POSITIVE_INFINITY });
        expect(email.match(/point one/g)).toHaveLength(1);
        expect(JSON.parse(await generate(document, 'json')).meetings[0].body[0].items[0].children[0].turn.body).toEqual([]);
    });

    test('a speaker\'s words are their line and the items under it, not those under a turn under it', async () => {
        const { meeting } = await load('- @Rich: one two\n  - @Ben: three four\n    - five six\n  - seven eight\n');
        const tally = meetingStatistics(meeting).speakers.map(speaker => [speaker.name, speaker.interventions, speaker.words]);
        expect(tally.sort()).toEqual([['Ben Okafor', 1, 4], ['Rich Trott', 1, 4]]);
    });

    test('`-` and `+` bullets nested by indentation, whatever their markers', async () => {
        const { document } = await load('- A\n  + @Rich has created a stub.\n  + B\n- C\n');
        expect(bullets(document)).toEqual(['0 A', '1 turn: Rich Trott has created a stub.', '1 B', '0 C']);
        const email = await generate(document, 'email', { width: Number.POSITIVE_INFINITY });
        expect(email).toContain('- A\n  - Rich Trott has created a stub.\n  - B\n- C\n');
    });

    test('under a numbered item; a numbered item that names someone, line after line, stays an item', async () => {
        const { document, structure } = await load('1. Tracking issue.\n   - @Rich has created a stub.\n   - Runtime deprecation landed.\n2. @Ben to follow up.\n3. Next item.\n');
        expect(shape(structure)).toEqual(['prose [Rich]']);
        expect(bullets(document)).toEqual(['0 Tracking issue.', '1 turn: Rich Trott has created a stub.', '1 Runtime deprecation landed.', '0 Ben Okafor to follow up.', '0 Next item.']);
    });

    test('the qualifiers of a turn in a list are printed where they are written', async () => {
        const { document } = await load('* Tracking issue.\n  * @Rich [remote]: created a stub.\n');
        const email = await generate(document, 'email', { width: Number.POSITIVE_INFINITY });
        expect(email).toContain('- Tracking issue.\n  - Rich Trott [remote]: created a stub.\n');
    });

    test('a blank line before an indented bullet turn: the list goes on, the turn stays its sub-item', async () => {
        const { document } = await load('* Tracking issue.\n\n  * @Rich has created a stub.\n* Next item.\n');
        expect(bullets(document)).toEqual(['0 Tracking issue.', '1 turn: Rich Trott has created a stub.', '0 Next item.']);
    });
});

describe('bullet turns that start a round', () => {
    test('the first bullet: a turn that takes the items under it, not the bullet after it', async () => {
        const { document, structure, meeting } = await load('* @Rich has created a stub.\n  * Runtime deprecation landed.\n* Next item.\n');
        expect(shape(structure)).toEqual(['turn Rich', 'prose']);
        expect(meeting.turns[0].paragraphs.flatMap((p: Paragraph) => p.kind === 'list' ? p.items.map(item => plainText(item.lines[0].text)) : [])).toEqual(['Runtime deprecation landed.']);
        expect(bullets(document)).toEqual(['round: Rich Trott has created a stub.', '0 Runtime deprecation landed.', '0 Next item.']);
        const email = await generate(document, 'email', { width: Number.POSITIVE_INFINITY });
        expect(email).toContain('- Rich Trott has created a stub.\n\n  - Runtime deprecation landed.\n\n- Next item.\n');
    });

    test('`* @Rich: text` stays a turn, a bullet of a round; the item after it at its level is not his', async () => {
        const { document, structure, meeting } = await load('* @Rich: I created a stub.\n* @Ben: I will edit it.\n* Next item.\n');
        expect(shape(structure)).toEqual(['turn Rich', 'turn Ben', 'prose']);
        expect(meeting.turns.map(turn => turn.paragraphs.length)).toEqual([0, 0]);
        expect(bullets(document)).toEqual(['round: Rich Trott: I created a stub.', 'round: Ben Okafor: I will edit it.', '0 Next item.']);
    });

    test('a bullet turn under a bullet turn is its item, at its depth', async () => {
        const { document, structure, meeting } = await load('- @Rich: Not that I would not enjoy it.\n    - @Rich: Want to avoid announcements.\n- @Ben: Next.\n');
        expect(shape(structure)).toEqual(['turn Rich [Rich]', 'turn Ben']);
        expect(meeting.turns.map(turn => plainText(turn.line.text).trim())).toEqual(['Not that I would not enjoy it.', 'Want to avoid announcements.', 'Next.']);
        expect(bullets(document)).toEqual(['round: Rich Trott: Not that I would not enjoy it.', '0 turn: Rich Trott: Want to avoid announcements.', 'round: Ben Okafor: Next.']);
    });

    test('after a list and a blank line, a bullet turn at the list\'s level starts a round of its own', async () => {
        const { structure } = await load('* Tracking issue.\n\n* @Rich: I created a stub.\n');
        expect(shape(structure)).toEqual(['prose', 'turn Rich']);
    });
});

describe('turns outside lists', () => {
    test('`@Rich has created…` at the margin is a turn that takes the list after it, as written', async () => {
        const { document, structure, meeting } = await load('@Rich has created a stub.\n* Runtime deprecation landed.\n* Next item.\n');
        expect(shape(structure)).toEqual(['turn Rich']);
        expect(meeting.turns[0].paragraphs).toHaveLength(1);
        const email = await generate(document, 'email', { width: Number.POSITIVE_INFINITY });
        expect(email).toContain('Rich Trott has created a stub.\n\n- Runtime deprecation landed.\n- Next item.\n');
    });

    test('a check of the note: the turn in a list is checked as any turn (an unknown speaker is an error)', async () => {
        const { document } = await load('* Tracking issue.\n  * @Nobody has created a stub.\n');
        expect(document.diagnostics?.filter(d => d.severity === 1).map(d => d.message)).toEqual([expect.stringContaining('Nobody')]);
    });
});
