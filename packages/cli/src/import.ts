import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import {
    formatImportSummary, importTranscript, IssueCodes, isParty, type NameKeyScope, type Party, type TranscriptFormat
} from 'minutes-language';
import { outputFileOf, writeFileAtomic } from './output.js';
import { problemsOf, type Problem } from './problems.js';
import { decodeSource } from './utf8.js';
import { displayPath, EXTENSION, loadWorkspace, readUnchanged, UsageError } from './workspace.js';

export interface ImportOptions {
    from?: TranscriptFormat;
    directory?: string[];
    output?: string;
    force: boolean;
    moderator?: string;
    chair?: string;
    title?: string;
    date?: string;
}

export interface ImportIo {
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    readStdin: () => Promise<Buffer>;
}

/**
 * `minutes import <file>`: reads a transcript, matches its speakers against the directory
 * (the `--directory` paths and the `.minutes` files beside the output), and writes the
 * meeting to `-o` (atomically, with generate's writer; an existing file only with `--force`,
 * never the input) or
 * to standard output. The imported text is checked before it is written; stderr ends with
 * the summary of matched, guessed and unknown speakers.
 *
 * Exit codes: 0 imported; 1 imported, but the result has errors (a bug to report: the
 * importer means to write clean files); 2 usage or I/O problem, nothing written.
 */
export async function importCommand(file: string, options: ImportOptions, io: ImportIo): Promise<number> {
    const fromStdin = file === '-';
    const input = fromStdin ? undefined : path.resolve(file);
    const outputFile = outputFileOf(options.output);
    const output = outputFile === undefined ? undefined : path.resolve(outputFile);
    if (output) await checkOutput(output, input, options.force);
    const source = decodeTranscript(fromStdin ? await io.readStdin() : await readUnchanged(input!), fromStdin ? 'standard input' : displayPath(input!));
    const sourceName = fromStdin ? 'standard input' : path.basename(input!);

    // The directory: --directory, and the .minutes files where the result will live (the current folder for stdout).
    const context = [...(options.directory ?? []), ...await minutesFilesBeside(output ?? path.resolve(`imported${EXTENSION}`))];
    const workspace = await loadWorkspace([], { context });
    const scope = workspace.services.references.ScopeProvider.scopeFor('Party');
    const roles: { moderator?: Party; chair?: Party } = {};
    if (options.moderator) roles.moderator = findParty(scope, options.moderator, 'moderator');
    if (options.chair) roles.chair = findParty(scope, options.chair, 'chair');

    const result = importTranscript(source, {
        sourceName, format: options.from, scope, roles, title: options.title, date: options.date
    });

    // The result is checked where it will live, with the directory it was matched against.
    const target = output ?? path.resolve(`imported${EXTENSION}`);
    const factory = workspace.shared.workspace.LangiumDocumentFactory;
    const imported = factory.fromString(result.text, URI.file(target));
    workspace.shared.workspace.LangiumDocuments.addDocument(imported);
    await workspace.shared.workspace.DocumentBuilder.build([imported], { validation: true });
    const problems = problemsOf([imported]).filter(problem => problem.code !== IssueCodes.UnreviewedEntry);

    if (output) {
        // Checked again just before writing: the file may have appeared while the workspace loaded.
        if (!options.force && await fs.stat(output).catch(() => undefined)) throw new UsageError(`${displayPath(output)}: already exists; use --force to overwrite it`);
        await writeFileAtomic(output, result.text);
    }
    else io.stdout.write(result.text);

    const errors = problems.filter(problem => problem.severity === 'error');
    for (const problem of problems) io.stderr.write(`${describeProblem(problem, output)}\n`);
    const summary = formatImportSummary(result.summary, output ? displayPath(output) : undefined);
    const reviews = result.summary.unknown.length;
    if (reviews > 0) summary.push(`${reviews} new entr${reviews === 1 ? 'y is' : 'ies are'} marked review: (warning unreviewed-entry until confirmed or linked).`);
    io.stderr.write(summary.join('\n') + '\n');
    return errors.length > 0 ? 1 : 0;
}

function describeProblem(problem: Problem, output: string | undefined): string {
    const where = output ? `${displayPath(output)}:${problem.line}:${problem.column}` : `line ${problem.line}`;
    return `${where}: ${problem.severity} ${problem.code}: ${problem.message}`;
}

function findParty(scope: NameKeyScope, name: string, role: string): Party {
    const node = scope.getElement(name.replace(/^@/, '').replace(/^\{(.*)\}$/, '$1'))?.node;
    if (!isParty(node)) throw new UsageError(`--${role} ${name}: no person or organisation in the directory has this name`);
    return node;
}

/** Refuses to write over the input, over a folder, or over an existing file without --force. */
async function checkOutput(output: string, input: string | undefined, force: boolean): Promise<void> {
    const shown = displayPath(output);
    if (input && (output === input || await sameFile(output, input))) {
        throw new UsageError(`${shown}: the output would overwrite the transcript being imported`);
    }
    const stat = await fs.stat(output).catch(() => undefined);
    if (stat?.isDirectory()) throw new UsageError(`${shown}: is a folder; give the .minutes file to write`);
    if (stat && !force) throw new UsageError(`${shown}: already exists; use --force to overwrite it`);
    const folder = await fs.stat(path.dirname(output)).catch(() => undefined);
    if (!folder?.isDirectory()) throw new UsageError(`${shown}: the folder ${displayPath(path.dirname(output))} does not exist`);
}

async function sameFile(a: string, b: string): Promise<boolean> {
    const [realA, realB] = await Promise.all([fs.realpath(a).catch(() => undefined), fs.realpath(b).catch(() => undefined)]);
    return realA !== undefined && realA === realB;
}

/**
 * UTF-8 (the usual), or UTF-16 with a byte-order mark (as Windows tools save transcripts).
 * A NUL, in any encoding, is refused here: it would reach the `.minutes` file, which
 * `minutes check` then refuses as binary (see decodeSource).
 */
function decodeTranscript(bytes: Uint8Array, shown: string): string {
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
    const text = utf16 ? new TextDecoder(utf16).decode(bytes.subarray(2)) : decodeSource(bytes);
    if (typeof text !== 'string') throw new UsageError(`${shown}: ${text.problem.replace('Minutes text', 'a transcript')}`);
    if (text.includes('\0')) throw new UsageError(`${shown}: looks like a binary file (it contains NUL characters), not a transcript`);
    return text;
}

/** The `.minutes` files in the output's folder (but the output itself): `minutes check` reads them with it. */
async function minutesFilesBeside(output: string): Promise<string[]> {
    const folder = path.dirname(output);
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    return entries
        .filter(entry => entry.isFile() && entry.name.endsWith(EXTENSION))
        .map(entry => path.join(folder, entry.name))
        .filter(file => file !== output);
}
