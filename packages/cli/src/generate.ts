import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
    GenerationError, NAME_STYLES, OUTPUT_EXTENSIONS, OUTPUT_FORMATS, buildActionLedger,
    configuredOptions, declaresChathamHouseRule, generate, type Attribution, type Document, type GenerateOptions
} from 'minutes-language';
import { GENERATE_FORMATS } from './choices.js';
import { checkOutputPath, outputFileOf, writeFileAtomic } from './output.js';
import { problemsOf, summaryLine } from './problems.js';
import { formatProblems } from './report-formats.js';
import { siteCommand } from './site.js';
import { useColour } from './style.js';
import { displayPath, EXTENSION, loadWorkspace, UsageError } from './workspace.js';

export { GENERATE_FORMATS };
export type GenerateFormat = typeof GENERATE_FORMATS[number];

export interface GenerateCommandOptions {
    format?: GenerateFormat;
    output?: string;
    force: boolean;
    width?: string;
    from?: string;
    to?: string;
    cc?: string;
    date?: string;
    names: typeof NAME_STYLES[number];
    attribution?: Attribution;
    directory?: string[];
    /** site: the index's title. */
    title?: string;
    /** site: the day overdue actions are measured against. */
    today?: string;
}

export interface GenerateIo {
    stdout: NodeJS.WriteStream;
    stderr: NodeJS.WriteStream;
    /** Standard input's bytes, found to be Minutes text. */
    readStdin: () => Promise<Uint8Array>;
}

/**
 * `minutes generate`: exit 0 when written, 1 when the file has errors (unless --force),
 * 2 for usage and I/O problems. A failure writes nothing: not to standard output, not to -o.
 */
export async function generateCommand(file: string, options: GenerateCommandOptions, io: GenerateIo): Promise<number> {
    if (options.format === 'site') return siteCommand(file, options, io);
    const outputFile = outputFileOf(options.output);
    const format: FileFormat = options.format ?? formatOfOutput(outputFile);
    const explicitWidth = options.width === undefined ? undefined : widthOf(options.width);
    const fromStdin = file === '-';
    if (!fromStdin) await checkInput(file);
    const output = outputFile === undefined ? undefined : await checkOutputPath(outputFile, fromStdin ? [] : [file]);

    const stdin = fromStdin ? { bytes: await io.readStdin(), name: `<stdin>${EXTENSION}` } : undefined;
    const workspace = await loadWorkspace(fromStdin ? [] : [path.resolve(file)], { context: options.directory, stdin });
    const document = workspace.documents[0];
    const problems = problemsOf([document]);
    const errors = problems.filter(problem => problem.severity === 'error');
    if (errors.length > 0) {
        io.stderr.write(formatProblems('text', problems, {
            colour: useColour(io.stderr),
            summary: summaryLine(1, problems),
            fileCount: 1
        }));
        if (!options.force) {
            io.stderr.write(`minutes: not generating ${displayPath(document.uri.fsPath)}: fix the errors above, or pass --force\n`);
            return 1;
        }
    }

    const root = document.parseResult.value as Document;
    if (options.attribution === 'full' && declaresChathamHouseRule(root)) {
        io.stderr.write(`minutes: warning: ${displayPath(document.uri.fsPath)} declares the Chatham House Rule; --attribution full names every speaker\n`);
    }
    // The command line first, then the repository's configuration (.minutes.jsonc), then the defaults.
    const generateOptions: GenerateOptions = configuredOptions({
        width: explicitWidth, names: options.names,
        from: options.from, to: options.to, cc: options.cc, date: options.date,
        // Earlier meetings' actions come from every loaded file: the folder's other meetings are context.
        attribution: options.attribution, ledger: buildActionLedger(workspace.all)
    }, workspace.root?.config);
    if (format === 'docx' && output === undefined) throw new UsageError('a Word document is a file: give -o name.docx');
    let content: string | Uint8Array;
    try {
        content = format === 'docx'
            // Loaded when asked for: the docx package is large, and no other output needs it.
            ? await (await import('minutes-language/docx')).generateDocx(root, generateOptions)
            : await generate(document, format, generateOptions);
    } catch (error) {
        if (error instanceof GenerationError) throw new UsageError(error.message);
        throw error;
    }
    if (output !== undefined) await writeFileAtomic(output, content);
    else io.stdout.write(content);
    return 0;
}

async function checkInput(file: string): Promise<void> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) throw new UsageError(`${file}: no such file`);
    if (stat.isDirectory()) throw new UsageError(`${file}: is a folder; generate takes one ${EXTENSION} file, or a folder with --format site -o FOLDER`);
    if (!file.endsWith(EXTENSION)) throw new UsageError(`${file}: not a ${EXTENSION} file`);
}

/** The formats that write one file. */
type FileFormat = Exclude<GenerateFormat, 'site'>;

function formatOfOutput(output: string | undefined): FileFormat {
    const extension = output ? path.extname(output).toLowerCase() : '';
    const format = OUTPUT_FORMATS.find(candidate => OUTPUT_EXTENSIONS[candidate] === extension)
        ?? (extension === '.htm' ? 'html' : extension === '.markdown' ? 'markdown' : extension === '.docx' ? 'docx' : undefined);
    if (!format) throw new UsageError(`say which output to generate: --format ${GENERATE_FORMATS.join('|')}`);
    return format;
}

function widthOf(written: string): number {
    const width = Number(written);
    if (!Number.isInteger(width) || width < 0 || (width > 0 && width < 20)) {
        throw new UsageError(`--width ${written}: give a whole number of columns, 20 or more (0 does not wrap)`);
    }
    return width === 0 ? Number.POSITIVE_INFINITY : width;
}
