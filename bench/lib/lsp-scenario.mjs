/**
 * One language-server session of the benchmark: load a workspace, measure the heap,
 * then edit a meeting file one character at a time, complete speaker names, and open a
 * 1 MB file — each timed from the client's side, as an editor sees it.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LanguageServerSession } from './lsp-session.mjs';
import { quantile } from './measure.mjs';

/**
 * @param {{ workspace: object, largeFile?: string, edits: number, warmupEdits: number, prefixes: string[], completionsPerPrefix: number, timeoutMs?: number }} options
 */
export async function languageServerScenario(options) {
    const { workspace } = options;
    const session = new LanguageServerSession({ workspace: workspace.minutesDir, timeoutMs: options.timeoutMs });
    // The machine is shared: each figure goes with the load it was taken under.
    const loadAverage = os.loadavg()[0];
    try {
        await session.start();
        const heap = await session.heapUsed();
        const result = {
            loadAverage,
            documents: session.loaded.documents,
            loadMs: session.loadMs,
            heapUsedBytes: heap.heapUsed,
            heapCollected: heap.collected,
            heapMultipleOfSource: heap.heapUsed / workspace.minutesBytes
        };

        // The file edited: the first meeting from the middle of the workspace on that has a
        // prose line and a speaker written `@handle:` to type in.
        const { file, text, lines, proseLine, nameLine } = await editableMeeting(workspace);
        const opened = await session.open(file, text);
        result.openMeetingMs = opened.ms;
        // The first build after start-up validates the whole workspace (Langium validates
        // only opened files at start-up): let it finish, it is not what an edit costs.
        const settleStarted = performance.now();
        await session.settled();
        result.firstValidationMs = performance.now() - settleStarted;
        // The heap again once every file is validated: the language server releases the
        // trees of closed documents after their validation (ClosedDocumentTrees), so this,
        // not the heap after loading, is what it keeps for the rest of the session.
        const validatedHeap = await session.heapUsed();
        result.validatedHeapUsedBytes = validatedHeap.heapUsed;
        result.validatedHeapMultipleOfSource = validatedHeap.heapUsed / workspace.minutesBytes;
        const baseline = opened.diagnostics.length;

        const middle = Math.floor(lines.length / 2);
        const handleEnd = lines[nameLine].length - 1;
        const typo = `${lines[nameLine].slice(1, handleEnd)}q`;

        // Alternating: a typo in prose, a typo in a speaker's handle (the name becomes
        // unknown, with suggestions), each followed by its undo. Each edit is sent once the
        // previous one's work has finished, as typing is slower than the server.
        const samples = { prose: [], name: [], settle: [], republished: [] };
        let verified = true;
        const total = options.warmupEdits + options.edits;
        for (let k = 0; k < total; k++) {
            const kind = Math.floor(k / 2) % 2 === 0 ? 'prose' : 'name';
            const insert = k % 2 === 0;
            const line = kind === 'prose' ? proseLine : nameLine;
            const column = kind === 'prose' ? 10 : handleEnd;
            const range = { start: { line, character: column }, end: { line, character: insert ? column : column + 1 } };
            const publicationsBefore = session.publications;
            const edit = await session.edit(file, range, insert ? (kind === 'prose' ? 'x' : 'q') : '');
            const started = performance.now();
            await session.settled();
            const settleMs = performance.now() - started;
            // A typo in a handle brings an unknown-speaker diagnostic naming it, its undo
            // takes it away, and prose typos change nothing: so the diagnostics received are
            // those of the version just sent.
            const namesTypo = edit.diagnostics.some(d => d.message.includes(`'${typo}'`));
            if (namesTypo !== (kind === 'name' && insert)) verified = false;
            if (kind === 'prose' && edit.diagnostics.length !== baseline) verified = false;
            if (k >= options.warmupEdits) {
                samples[kind].push(edit.ms);
                samples.settle.push(edit.ms + settleMs);
                samples.republished.push(session.publications - publicationsBefore - 1);
            }
        }
        const all = [...samples.prose, ...samples.name];
        result.edit = {
            count: all.length,
            p50: quantile(all, 0.5),
            p95: quantile(all, 0.95),
            prose: { p50: quantile(samples.prose, 0.5), p95: quantile(samples.prose, 0.95) },
            name: { p50: quantile(samples.name, 0.5), p95: quantile(samples.name, 0.95) },
            untilIdle: { p50: quantile(samples.settle, 0.5), p95: quantile(samples.settle, 0.95) },
            otherDocumentsRevalidated: { max: Math.max(...samples.republished), mean: samples.republished.reduce((a, b) => a + b, 0) / samples.republished.length },
            diagnosticsOfNewVersion: verified
        };

        // Completion of a speaker's name: a new speaker line before a heading.
        const headingLine = findLine(lines, middle, (line, i) => line.startsWith('# ') && lines[i - 1] === '');
        let written = '';
        await session.edit(file, { start: { line: headingLine, character: 0 }, end: { line: headingLine, character: 0 } }, '@\n\n');
        await session.settled();
        const completion = [];
        const items = [];
        for (const prefix of options.prefixes) {
            await session.edit(file, { start: { line: headingLine, character: 1 }, end: { line: headingLine, character: 1 + written.length } }, prefix);
            await session.settled();
            written = prefix;
            for (let r = 0; r < options.completionsPerPrefix; r++) {
                const answer = await session.complete(file, { line: headingLine, character: 1 + prefix.length });
                completion.push(answer.ms);
                items.push(answer.items.length);
            }
        }
        result.completion = {
            count: completion.length,
            p50: quantile(completion, 0.5),
            p95: quantile(completion, 0.95),
            itemsMedian: quantile(items, 0.5),
            itemsMin: Math.min(...items)
        };

        // What asks for the whole workspace's action ledger: completion after `update #` (the
        // first builds the ledger) and New Meeting in Series (the series, then the draft of
        // the first one), with the heap after each and the released trees parsed again.
        await session.edit(file, { start: { line: headingLine, character: 0 }, end: { line: headingLine, character: 0 } }, 'update #\n\n');
        await session.settled();
        const treesBefore = await session.closedTrees();
        const hash = { line: headingLine, character: 'update #'.length };
        const firstReport = await session.complete(file, hash);
        const heapAfterReport = await session.heapUsed();
        const treesAfterReport = await session.closedTrees();
        const nextReports = [];
        for (let r = 0; r < 3; r++) nextReports.push((await session.complete(file, hash)).ms);
        const series = await session.timed('minutes/series');
        const draft = await session.timed('minutes/nextMeeting', { series: series.answer[0]?.key, date: '2999-01-01' });
        const heapAfterDraft = await session.heapUsed();
        const treesAfter = await session.closedTrees();
        result.ledger = {
            firstCompletionMs: firstReport.ms,
            items: firstReport.items.length,
            nextCompletionP50: quantile(nextReports, 0.5),
            heapAfterCompletionBytes: heapAfterReport.heapUsed,
            heapAfterCompletionMultipleOfSource: heapAfterReport.heapUsed / workspace.minutesBytes,
            seriesMs: series.ms,
            series: series.answer.length,
            nextMeetingMs: draft.ms,
            nextMeetingOk: draft.answer.ok === true,
            heapAfterNextMeetingMultipleOfSource: heapAfterDraft.heapUsed / workspace.minutesBytes,
            releasedBefore: treesBefore.releasedNow,
            releasedAfterCompletion: treesAfterReport.releasedNow,
            parsedAgainByCompletion: treesAfterReport.parsedAgain - treesBefore.parsedAgain,
            releasedAfter: treesAfter.releasedNow,
            parsedAgain: treesAfter.parsedAgain - treesBefore.parsedAgain
        };

        if (options.largeFile) {
            const largeText = await fs.readFile(options.largeFile, 'utf8');
            const large = await session.open(options.largeFile, largeText);
            result.largeOpen = { ms: large.ms, bytes: Buffer.byteLength(largeText), diagnostics: large.diagnostics.length, errors: large.diagnostics.filter(d => d.severity === 1).length };
        }
        return result;
    } finally {
        await session.stop();
    }
}

/** The meeting `lsp` edits: the first from the middle of the workspace on with a prose line and a `@handle:` line to type in. */
export async function editableMeeting(workspace) {
    for (let index = Math.max(1, Math.round(workspace.meetings / 2)); index <= workspace.meetings; index++) {
        const file = path.join(workspace.minutesDir, 'meetings', `m${String(index).padStart(4, '0')}.minutes`);
        const text = await fs.readFile(file, 'utf8');
        const lines = text.split('\n');
        const middle = Math.floor(lines.length / 2);
        const proseLine = findLine(lines, middle, line => /^[A-Z][a-z]+ [a-z]/.test(line) && line.length > 40 && !/^[^ ]+:/.test(line));
        const nameLine = findLine(lines, middle, line => /^@[a-z0-9]+:$/.test(line));
        if (proseLine >= 0 && nameLine >= 0) return { file, text, lines, proseLine, nameLine };
    }
    throw new Error(`no meeting of ${workspace.name} has a prose line and a speaker line to edit`);
}

/** The first line at or after `from` (wrapping around) that satisfies the test. */
export function findLine(lines, from, test) {
    for (let k = 0; k < lines.length; k++) {
        const i = (from + k) % lines.length;
        if (i > 0 && test(lines[i], i)) return i;
    }
    return -1;
}
