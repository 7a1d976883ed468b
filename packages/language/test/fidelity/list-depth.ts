import { isLine, isSpeakerLine, type Block, type Document } from '../../src/generated/ast.js';
import { outlineOf } from '../../src/generation/outline.js';
import { turnLineAsWritten, type ListEntry, type OutlineBlock } from '../../src/generation/render-model.js';
import { plain } from '../../src/generation/rich-text.js';
import { fieldListOf, structureOf } from '../../src/model/structure.js';

/** A bullet (or numbered item) of the body, with the depth a reader sees. */
export interface Bullet {
    readonly depth: number;
    /** Its text: the source line as written, or the output's entry as it reads. */
    readonly text: string;
    /** The line of the source (1-based); none for the output's. */
    readonly line?: number;
}

/**
 * The bullets of a note's body, in written order, each with the depth its indentation says: the
 * number of items above it in its list whose marker is less indented (the reading of Markdown and
 * of every list the outputs print). Read from the parsed lines, not from the structure: a list
 * runs over its items, the lines that continue them (an unmarked line right after an item) and
 * the blank lines between items; anything else (prose after a blank line, a heading, a key, a
 * turn that is no bullet) ends it. Attendee lists, agendas and fields written as lists are left
 * out: the outputs print them as tables and entries of their own.
 */
export function sourceBullets(document: Document): Bullet[] {
    const apart = new Set<Block>();
    for (const item of structureOf(document).items) {
        if (item.kind === 'roster' || item.kind === 'agenda' || (item.kind === 'field' && fieldListOf(item.field).length > 0)) {
            const blocks = document.blocks;
            for (let i = blocks.indexOf(item.span.first); i <= blocks.indexOf(item.span.last); i++) apart.add(blocks[i]);
        }
    }
    const bullets: Bullet[] = [];
    let indents: number[] = [];
    let previous: Block | undefined;
    for (const block of document.blocks) {
        const cst = block.$cstNode;
        const marked = (isLine(block) && block.marker !== undefined && block.marker !== '>') || (isSpeakerLine(block) && block.bullet !== undefined);
        if (cst && marked && !apart.has(block)) {
            const indent = cst.range.start.character;
            while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
            bullets.push({ depth: indents.length, text: cst.text.split('\n')[0], line: cst.range.start.line + 1 });
            indents.push(indent);
        } else if (!(isLine(block) && block.marker === undefined && previous && !previous.blankAfter)) {
            // Not an item nor a line that continues one: the list, if any, ends.
            indents = [];
        }
        previous = block;
    }
    return bullets;
}

/**
 * The bullets of a note's render model (outlineOf), in order, each with the depth the outputs
 * print it at: a list's entries by their nesting; a bullet of a discussion round (`- @name: text`)
 * at its place, the blocks under it one level deeper (the writers print them under the bullet); the
 * blocks of any other turn, of an outcome, action or text field at their own level.
 */
export function outputBullets(document: Document): Bullet[] {
    const bullets: Bullet[] = [];
    const entries = (items: readonly ListEntry[], depth: number) => {
        for (const entry of items) {
            bullets.push({ depth, text: plain(entry.text) });
            entries(entry.children, depth + 1);
        }
    };
    const walk = (blocks: readonly OutlineBlock[], depth: number) => {
        for (const block of blocks) {
            switch (block.kind) {
                case 'list': entries(block.items, depth); break;
                case 'turns':
                    for (const turn of block.turns) {
                        bullets.push({ depth, text: plain(turnLineAsWritten(turn)) });
                        walk(turn.blocks, depth + 1);
                    }
                    break;
                case 'turn': walk(block.turn.blocks, depth); break;
                case 'meeting': walk(block.meeting.blocks, depth); break;
                case 'text-field': walk(block.blocks, depth); break;
                case 'outcome': walk(block.outcome.blocks, depth); break;
                case 'actions': for (const action of block.actions) walk(action.blocks, depth); break;
                case 'updates': for (const update of block.updates) walk(update.blocks, depth); break;
                default: break;
            }
        }
    };
    walk(outlineOf(document).blocks, 0);
    return bullets;
}

/** Where the output's bullets differ from the source's (see `compareBullets`): empty when every bullet is printed at the depth its indentation says. */
export function depthDifferences(document: Document): string[] {
    return compareBullets(sourceBullets(document), outputBullets(document));
}

/**
 * Each source bullet, in order, against the output's bullet at the same place: its depth, and a
 * word of its own (the first of three letters or more outside names, link targets and escapes)
 * found in the output's text, so that a bullet taken for another is seen.
 */
export function compareBullets(source: readonly Bullet[], output: readonly Bullet[]): string[] {
    const differences: string[] = [];
    for (let i = 0; i < Math.max(source.length, output.length); i++) {
        const written = source[i];
        const printed = output[i];
        if (!written || !printed) {
            differences.push(written ? `line ${written.line}: "${written.text.trim()}" is no bullet of the output` : `the output's bullet "${printed.text}" is none of the source's`);
            break;
        }
        const word = ownWord(written.text);
        if (word && !printed.text.includes(word)) {
            differences.push(`line ${written.line}: "${written.text.trim()}" is printed as "${printed.text}"`);
            break;
        }
        if (written.depth !== printed.depth) differences.push(`line ${written.line}: "${written.text.trim()}" at depth ${written.depth} is printed at depth ${printed.depth}`);
    }
    return differences;
}

/** A word of a source line that every output prints as written: not in a name, a link's target or an escape. */
function ownWord(line: string): string | undefined {
    const text = line.replace(/@\{[^}]*\}?|@[^\s,;:()[\]]+/g, ' ').replace(/\]\([^)]*\)/g, ' ').replace(/\\./g, ' ');
    return /[\p{L}]{3,}/u.exec(text)?.[0];
}
