import type { URI } from 'langium';
import { lexingTypeIndexes, type MinutesCoreServices } from 'minutes-language/core';
import { loadEditor, type Editor } from './editor-services.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { writeFileAtomic } from './output.js';
import { buildWorkspace, collectFiles, createCliServices, displayPath, loadPaths, readSource, readWorkspaceSources, UsageError, type LoadedWorkspace, type WorkspaceSource, type WorkspaceSources } from './workspace.js';
import { checkReleasingTrees, parseWhenRead, type LexedAhead } from './releasing-check.js';
import { ReadAhead, ReadInThread, type LexingAhead, type SourceReader } from './read-ahead.js';
import { startProgress } from './progress.js';
import { checkInParallel, InThreadShardRunner, threadCount, WorkerShardRunner } from './parallel-check.js';
import { problemsOf, summaryLine, type Problem } from './problems.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { appendFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { formatProblems, markdownSummary, type ReportFormat } from './report-formats.js';
import { paint, useColour } from './style.js';
import { overdueProblems } from './overdue-problems.js';

export interface CheckOptions {
    format: ReportFormat;
    strict: boolean;
    directory?: string[];
    /** Report open actions past their due date (`overdue-action`), measured against `today` (YYYY-MM-DD, default the real date). */
    overdue?: boolean;
    today?: string;
    /** Apply the safe quick fixes to the files first (see safeFixesOf), then report what is left. */
    fix?: boolean;
    /** How many threads parse and validate (1: no worker threads); default: see threadCount. */
    threads?: string;
}

/** `minutes check`: exit 0 when clean, 1 on problems (errors, or warnings with --strict). */
export async function check(paths: string[], options: CheckOptions, io: {
    stdout: NodeJS.WriteStream;
    /** Standard input's bytes, found to be Minutes text. */
    readStdin: () => Promise<Uint8Array>;
    /** With --format github: the job summary file (`$GITHUB_STEP_SUMMARY`) that receives every problem as a table. */
    stepSummary?: string;
}): Promise<number> {
    if (paths.length === 0) throw new UsageError('check needs files or folders to check (or - for standard input)');
    const fromStdin = paths.includes('-');
    if (fromStdin && options.fix) throw new UsageError('--fix changes files: it cannot fix standard input');
    const stdin = fromStdin ? { bytes: await io.readStdin(), name: '<stdin>.minutes' } : undefined;
    // --fix reads what the editor reads (its fixes are the editor's quick fixes).
    const editor = options.fix ? await loadEditor() : undefined;
    const services = editor ?? createCliServices({ checkOnly: true });
    const files = await collectFiles(paths.filter(p => p !== '-'), services.shared.workspace.MinutesConfigs);
    // --fix and --overdue read the whole workspace's trees (fixes, the action ledger): one thread.
    const threads = options.fix || options.overdue ? 1 : threadCount(options.threads, () => sizeOf(files) + (stdin?.bytes.length ?? 0), files.length + (stdin ? 1 : 0));
    // The workers load the language while this thread reads the files.
    const workers = startWorkers(threads - 1);
    const releasing = !options.fix && !options.overdue;
    // Before the files are read: V8 sets the next collection's limit at each full collection.
    // V8's flags are the process's: the workers' heaps grow by the same rule.
    if (releasing) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    let problems: Problem[];
    let checkedCount: number;
    // A releasing check reads ahead; in one thread, the thread that reads ahead lexes ahead too:
    // the workers of a parallel check want the other cores.
    let lexing: LexingAhead | undefined;
    const reader = (all: readonly string[]): SourceReader => {
        const chosen = readAhead(all, workers.length === 0 ? services.Minutes : undefined);
        lexing = chosen instanceof ReadAhead ? chosen.lexing : undefined;
        return chosen;
    };
    try {
        // A releasing check scans each file's exports as soon as it is read, while the next ones are
        // read ahead, and parses those that may declare parties, which it needs first.
        const lexedAhead: LexedAhead = bytes => lexing?.take(bytes);
        const onRead = (source: WorkspaceSource) => parseWhenRead(services, source, lexedAhead);
        const reading = releasing ? { reader, onRead } : {};
        const read = await readWorkspaceSources(files, { context: options.directory, stdin, services, ...reading }).catch(async (error: unknown) => {
            await Promise.all(workers.map(worker => worker.close()));
            throw error;
        });
        if (releasing) {
            const checked = await checkReleasing(read, workers, lexedAhead);
            problems = problemsOf(checked);
            checkedCount = checked.length;
        } else {
            let workspace = await buildWorkspace(read);
            if (editor) {
                const fixed = await fixFiles(workspace, editor);
                // What changed goes with the report in text; beside JSON or SARIF it would break them.
                const out = options.format === 'text' || options.format === 'github' ? io.stdout : process.stderr;
                for (const line of fixed) out.write(`${line}\n`);
                if (fixed.length > 0) workspace = await loadPaths(paths, { context: options.directory });
            }
            problems = problemsOf(workspace.documents);
            if (options.overdue) {
                problems.push(...overdueProblems(workspace, options.today, options.strict));
                problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
            }
            checkedCount = workspace.documents.length;
        }
    } finally {
        lexing?.close();
        if (releasing) setFlagsFromString('--heap-growing-percent=0');
    }
    const colour = useColour(io.stdout);
    const output = formatProblems(options.format, problems, {
        colour,
        summary: summaryLine(checkedCount, problems),
        fileCount: checkedCount
    });
    io.stdout.write(output);
    if (options.format === 'github' && io.stepSummary) {
        // GitHub shows only ten annotations of each kind per step: the summary lists them all.
        await appendFile(io.stepSummary, markdownSummary(problems, summaryLine(checkedCount, problems)));
    }
    const failing = problems.some(p => p.severity === 'error' || (options.strict && p.severity === 'warning'));
    return failing ? 1 : 0;
}

export { paint };

/**
 * How far V8 lets the old generation grow past what its last full collection kept, in
 * percent, while a check releases its trees (0 is V8's own choice: up to four times). The
 * released trees die in the old generation, and V8 left them there until the heap was
 * 2.6 times its live size: 420 MB of RSS for 120 MB live in the bench's 1,000 files; at 50%,
 * about 310 MB for the same CPU (docs/performance.md, "A check that releases its trees").
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * The check that releases each file's tree once no later file reads it (releasing-check.ts),
 * in this thread alone or over this thread and the workers (parallel-check.ts).
 */
async function checkReleasing(read: WorkspaceSources, workers: WorkerShardRunner[], lexedAhead: LexedAhead): Promise<Array<{ uri: URI; diagnostics: Diagnostic[] }>> {
    const total = read.sources.filter(source => source.reported).length;
    let checked = 0;
    const progress = startProgress(process.stderr, () => `${checked} of ${total} files checked`);
    const onChecked = () => { checked++; progress.update(); };
    try {
        const result = workers.length > 0
            ? await checkInParallel(read.sources, [new InThreadShardRunner({ shared: read.shared, Minutes: read.services }), ...workers], onChecked)
            : await checkReleasingTrees(read, onChecked, lexedAhead);
        return result.checked;
    } finally {
        progress.stop();
    }
}

/** Worker threads for a parallel check (dist/check-worker.js beside this bundle's chunks): see parallel-check.ts. */
function startWorkers(count: number): WorkerShardRunner[] {
    const workerFile = new URL('./check-worker.js', import.meta.url);
    return Array.from({ length: count }, () => new WorkerShardRunner(workerFile));
}

/**
 * Fewer files than this are read in the check's own thread alone: it has read and scanned
 * about this many of the bench's files by the time a thread to read ahead has started
 * (docs/performance.md, "Reading ahead"), which would have cost a core its start-up for nothing.
 */
const READ_AHEAD_MIN_FILES = 100;

/**
 * The files read by a thread of their own besides this one (read-ahead.ts) when there are
 * enough of them and a core for it, else each in this thread at its turn. Given the check's
 * services, that thread then lexes them ahead of the check's parsing (LexingAhead).
 */
function readAhead(files: readonly string[], lexing: MinutesCoreServices | undefined): SourceReader {
    const worthIt = files.length >= READ_AHEAD_MIN_FILES && availableParallelism() > 1;
    if (!worthIt) return new ReadInThread(files);
    const lexWith = lexing && lexingTypeIndexes(lexing);
    return new ReadAhead(new URL('./read-worker.js', import.meta.url), files, { lexWith });
}

/** The bytes of the files, from their sizes on disk: enough to decide on threads before reading them. */
function sizeOf(files: string[]): number {
    let bytes = 0;
    for (const file of files) bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    return bytes;
}

/**
 * Applies the safe fixes of each checked file and writes it atomically; a file changed on disk
 * since it was read is left alone. Returns one line per fix: `file:line:col: fixed: title [code]`.
 */
async function fixFiles(workspace: LoadedWorkspace, editor: Editor): Promise<string[]> {
    const lines: string[] = [];
    for (const document of workspace.documents) {
        const fixes = editor.safeFixesOf(editor.Minutes, document);
        if (fixes.length === 0) continue;
        const file = document.uri.fsPath;
        const original = document.textDocument.getText();
        const { text, applied } = editor.applySafeFixes(original, fixes);
        if (text === original) continue;
        if (await readSource(file) !== original) throw new UsageError(`${displayPath(file)}: changed while it was being checked; nothing written, run the command again`);
        await writeFileAtomic(file, text);
        const inOrder = [...applied].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        for (const fix of inOrder) lines.push(`${displayPath(file)}:${fix.range.start.line + 1}:${fix.range.start.character + 1}: fixed: ${fix.title} [${fix.code}]`);
    }
    return lines;
}

