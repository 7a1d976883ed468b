/**
 * Edits in one long file, as an editor sends them: the server loads a workspace folder,
 * the file is opened, then pairs of edits (each undone by the next) of five kinds are
 * timed from `didChange` to the `publishDiagnostics` of that version, one at a time after
 * the server has finished the previous one:
 *
 * - prose: a character typed in a line of prose, then deleted;
 * - name: a character typed at the end of a speaker's `@handle`, then deleted (the name
 *   becomes unknown: the diagnostics must name it, and its undo must take that away);
 * - new line / deleted line: a line of prose inserted, then deleted;
 * - paste: a paragraph of six lines (turns and prose copied from just above) pasted, then cut.
 *
 * After each pair the diagnostics must be those of the file as opened. The server's count
 * of incremental and full reparses (`minutes/reparseCounts`) says which path the edits took;
 * with `parseInFull`, the server parses every edit in full (the "before").
 */
import { promises as fs } from 'node:fs';
import { findLine } from './lsp-scenario.mjs';
import { LanguageServerSession } from './lsp-session.mjs';
import { quantile } from './measure.mjs';

export const EDIT_KINDS = ['prose', 'name', 'newLine', 'deletedLine', 'paste'];

/**
 * @param {{ workspace: string, file: string, pairs: number, warmupPairs: number, timeoutMs?: number, parseInFull?: boolean }} options
 */
export async function fileEditScenario(options) {
    const env = options.parseInFull ? { MINUTES_REPARSE: 'full' } : {};
    const session = new LanguageServerSession({ workspace: options.workspace, timeoutMs: options.timeoutMs, env });
    try {
        await session.start();
        const text = await fs.readFile(options.file, 'utf8');
        const lines = text.split('\n');
        const opened = await session.open(options.file, text);
        await session.settled();
        const baseline = opened.diagnostics.length;
        const targets = editTargets(lines);
        const samples = Object.fromEntries(EDIT_KINDS.map(kind => [kind, []]));
        let verified = true;
        const before = await session.reparseCounts();

        const timed = async (kind, range, inserted, measured) => {
            const edit = await session.edit(options.file, range, inserted);
            await session.settled();
            if (measured) samples[kind].push(edit.ms);
            return edit.diagnostics;
        };
        const at = (line, character) => ({ line, character });
        const pairs = {
            prose: async measured => {
                const { line } = targets.prose;
                await timed('prose', { start: at(line, 10), end: at(line, 10) }, 'x', measured);
                const undone = await timed('prose', { start: at(line, 10), end: at(line, 11) }, '', measured);
                if (undone.length !== baseline) verified = false;
            },
            name: async measured => {
                const { line, handleEnd, typo } = targets.name;
                const typed = await timed('name', { start: at(line, handleEnd), end: at(line, handleEnd) }, 'q', measured);
                if (!typed.some(d => d.message.includes(`'${typo}'`))) verified = false;
                const undone = await timed('name', { start: at(line, handleEnd), end: at(line, handleEnd + 1) }, '', measured);
                if (undone.length !== baseline || undone.some(d => d.message.includes(`'${typo}'`))) verified = false;
            },
            newLine: async measured => {
                const { line } = targets.newLine;
                await timed('newLine', { start: at(line, 0), end: at(line, 0) }, 'Another line of notes, typed in the middle of the report.\n', measured);
                const undone = await timed('deletedLine', { start: at(line, 0), end: at(line + 1, 0) }, '', measured);
                if (undone.length !== baseline) verified = false;
            },
            paste: async measured => {
                const { line, paragraph } = targets.paste;
                await timed('paste', { start: at(line, 0), end: at(line, 0) }, paragraph, measured);
                const undone = await timed('paste', { start: at(line, 0), end: at(line + 6, 0) }, '', measured);
                if (undone.length !== baseline) verified = false;
            }
        };
        for (let k = 0; k < options.warmupPairs; k++) {
            for (const run of Object.values(pairs)) await run(false);
        }
        for (let k = 0; k < options.pairs; k++) {
            for (const run of Object.values(pairs)) await run(true);
        }
        const after = await session.reparseCounts();
        const all = Object.values(samples).flat();
        const oneCharacter = [...samples.prose, ...samples.name];
        return {
            bytes: Buffer.byteLength(text),
            lines: lines.length,
            openMs: opened.ms,
            count: all.length,
            p50: quantile(all, 0.5),
            p95: quantile(all, 0.95),
            oneCharacter: { p50: quantile(oneCharacter, 0.5), p95: quantile(oneCharacter, 0.95) },
            kinds: Object.fromEntries(EDIT_KINDS.map(kind => [kind, { count: samples[kind].length, p50: quantile(samples[kind], 0.5), p95: quantile(samples[kind], 0.95) }])),
            reparses: { incremental: after.incremental - before.incremental, full: after.full - before.full },
            diagnosticsOfNewVersion: verified
        };
    } finally {
        await session.stop();
    }
}

/** The lines each kind of edit works on, from the middle of the file on. */
export function editTargets(lines) {
    const middle = Math.floor(lines.length / 2);
    const isProse = line => /^[A-Z][a-z]*[ ,] ?[a-z]/.test(line) && line.length > 20 && !/^[A-Za-z -]+:/.test(line);
    const isSpeaker = line => /^@([a-z0-9]+|\{[^}]+\}):/.test(line);
    // Pasted and cut again: lines that say nothing of the structure around them.
    const isPlain = line => line === '' || isProse(line) || isSpeaker(line);
    const prose = findLine(lines, middle, isProse);
    const name = findLine(lines, middle, isSpeaker);
    const newLine = findLine(lines, prose + 20, isProse);
    // Six lines copied from just above where they are pasted.
    const paste = findLine(lines, newLine + 20, (line, i) => i >= 6 && isProse(line) && lines.slice(i - 6, i).every(isPlain));
    if ([prose, name, newLine, paste].includes(-1)) throw new Error('the file has no lines of prose and turns to edit');
    const handleEnd = lines[name].indexOf(lines[name][1] === '{' ? '}' : ':');
    return {
        prose: { line: prose },
        name: { line: name, handleEnd, typo: `${lines[name].slice(lines[name][1] === '{' ? 2 : 1, handleEnd)}q` },
        newLine: { line: newLine },
        paste: { line: paste, paragraph: `${lines.slice(paste - 6, paste).join('\n')}\n` }
    };
}
