import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { ATTRIBUTIONS, DEFAULT_EMAIL_WIDTH, NAME_STYLES, TRANSCRIPT_FORMATS } from 'minutes-language/options';
import type { ActionsOptions } from './actions.js';
import { ACTION_FORMATS, ACTION_STATES, GENERATE_FORMATS, STATS_FORMATS } from './choices.js';
import type { GenerateCommandOptions } from './generate.js';
import type { ImportOptions } from './import.js';
import type { NewOptions } from './new.js';
import { REPORT_FORMATS, type ReportFormat } from './report-formats.js';
import type { StatsOptions } from './stats.js';
import { UsageError } from './usage-error.js';
import { sourceProblem } from './utf8.js';

// The command line is read with these light modules only; each command loads the language
// when it runs (import() below), so `minutes --version` and `--help` start at once.
const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Standard input as a source: its bytes, refused as a file's would be (NUL bytes, not UTF-8). */
async function readStdinSource(): Promise<Uint8Array> {
    const bytes = await readStdinBytes();
    const problem = sourceProblem(bytes);
    if (problem !== undefined) throw new UsageError(`standard input: ${problem}`);
    return bytes;
}

async function readStdinBytes(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
}

/** Where a run of `minutes` writes: the process's own streams, or others for a run inside a program (scripts/corpus-table.mjs). */
export interface CliStreams {
    stdout: NodeJS.WriteStream;
    stderr: NodeJS.WriteStream;
}

/** Runs the `minutes` command; returns the exit code (0 ok, 1 problems, 2 usage or I/O). */
export async function main(argv: string[], { stdout, stderr }: CliStreams = process): Promise<number> {
    let exitCode = 0;
    const program = new Command('minutes')
        .description('Check and generate structured meeting notes written in the Minutes language.')
        .version(version, '-v, --version')
        .exitOverride()
        .configureOutput({ writeOut: text => stdout.write(text), writeErr: text => stderr.write(text) })
        .showHelpAfterError('(run minutes --help for usage)');

    program.command('check')
        .description('Parse, link and validate .minutes files; print one line per problem.')
        .argument('<paths...>', 'files or folders (searched for .minutes files), or - for standard input')
        .addOption(new Option('-f, --format <format>', 'output format; github also appends every problem to $GITHUB_STEP_SUMMARY when set').choices(REPORT_FORMATS).default('text'))
        .option('--strict', 'fail on warnings too', false)
        .option('-d, --directory <paths...>', 'more files or folders whose people and organisations may be referred to')
        .option('--overdue', 'also report open actions past their due date (overdue-action)', false)
        .option('--today <date>', 'the date --overdue measures against, YYYY-MM-DD (default: today)')
        .option('--fix', 'first apply the fixes that need no choice (an unknown name with one did-you-mean candidate, agenda renumbering) to the files, atomically, and list them', false)
        .option('--threads <n>', 'parse and validate in this many threads; 1 uses no worker threads (default: the MINUTES_THREADS environment variable, else one per core and a half (one on two cores) when each has more than 2 MB to check; --fix and --overdue use one)')
        .action(async (paths: string[], options: { format: ReportFormat; strict: boolean; directory?: string[]; overdue: boolean; today?: string; fix: boolean; threads?: string }) => {
            const { check } = await import('./check.js');
            exitCode = await check(paths, options, { stdout, readStdin: readStdinSource, stepSummary: process.env.GITHUB_STEP_SUMMARY });
        });

    program.command('actions')
        .description('List the action items of the workspace grouped by owner: where each was agreed and last reported on.')
        .argument('[paths...]', 'files or folders (searched for .minutes files); default: the current folder')
        .option('--owner <handle>', 'only the actions of this owner (handle, name or alias)')
        .addOption(new Option('--status <status>', 'only actions with this status').choices(ACTION_STATES))
        .addOption(new Option('-f, --format <format>', 'output format: ics is a calendar of the open actions\' due dates; eml one message per owner').choices(ACTION_FORMATS).default('text'))
        .option('-o, --output <path>', 'ics: the file to write (atomically); eml: the folder to write one .eml per owner to')
        .option('--per-owner', 'eml: one message per owner, with their open and overdue actions', false)
        .option('--from <address>', 'eml: the sender of the messages')
        .option('--today <date>', 'eml: the day the messages are as of, YYYY-MM-DD (default: today)')
        .option('--site-url <url>', 'ics and eml: where the site of the folder (generate FOLDER --format site) is published, to link each action to the meeting that agreed it')
        .option('-d, --directory <paths...>', 'more files or folders whose people and organisations may be referred to')
        .action(async (paths: string[], options: ActionsOptions) => {
            const { actions } = await import('./actions.js');
            exitCode = await actions(paths, options, { stdout });
        });

    program.command('stats')
        .description('Who was heard: interventions and words per person, organisation and stakeholder group.')
        .argument('[paths...]', 'files or folders (searched for .minutes files); default: the current folder')
        .addOption(new Option('-f, --format <format>', 'output format; in csv, text a spreadsheet would run as a formula begins with \'').choices(STATS_FORMATS).default('text'))
        .option('--bom', 'csv: begin with a UTF-8 byte-order mark, for Excel', false)
        .option('-d, --directory <paths...>', 'more files or folders whose people and organisations may be referred to')
        .action(async (paths: string[], options: StatsOptions) => {
            const { stats } = await import('./stats.js');
            exitCode = await stats(paths, options, { stdout });
        });

    program.command('new')
        .description('Start the next meeting of a series: a new .minutes file from the latest one, with its series, chair, usual attendees to confirm, agenda and an update line for every open action.')
        .argument('[paths...]', 'files or folders (searched for .minutes files) holding the series; default: the current folder')
        .option('--series <name>', 'the series (group: or series:) to follow, when the meetings belong to several')
        .option('--date <date>', 'the new meeting\'s date, YYYY-MM-DD (default: today)')
        .option('--title <title>', 'the new meeting\'s title (default: the latest meeting\'s)')
        .option('-o, --output <file>', 'the file to create (default: DATE-TITLE.minutes beside the latest meeting); - prints it; an existing file is never replaced')
        .option('-d, --directory <paths...>', 'more files or folders whose people and organisations may be referred to')
        .action(async (paths: string[], options: NewOptions) => {
            const { newCommand } = await import('./new.js');
            exitCode = await newCommand(paths, options, { stdout, stderr });
        });

    program.command('import')
        .description('Import a transcript (captioning text, WebVTT, a chat log, a `Name: text` transcript) as a meeting; speakers are matched against the directory.')
        .argument('<file>', 'the transcript, or - for standard input')
        .addOption(new Option('--from <format>', 'the transcript\'s format (default: detected)').choices(TRANSCRIPT_FORMATS))
        .option('-d, --directory <paths...>', 'files or folders of people and organisations to match speakers against (the .minutes files beside -o, or in the current folder, are read too)')
        .option('-o, --output <file>', 'the .minutes file to write (default, or -: standard output)')
        .option('--force', 'overwrite the output file if it exists', false)
        .option('--moderator <name>', 'the meeting\'s moderator: MODERATOR turns are theirs')
        .option('--chair <name>', 'the meeting\'s chair: CHAIR turns are theirs')
        .option('--title <title>', 'the meeting\'s title (default: the transcript\'s title line)')
        .option('--date <date>', 'the meeting\'s date (default: a date the transcript gives)')
        .action(async (file: string, options: ImportOptions) => {
            const { importCommand } = await import('./import.js');
            exitCode = await importCommand(file, options, { stdout, stderr, readStdin: readStdinBytes });
        });

    program.command('generate')
        .description('Write a .minutes file as an email, an .eml message, an HTML page, JSON, Markdown or a Word document; a folder as a static site.')
        .argument('<file>', 'a .minutes file, or - for standard input; for --format site, a folder')
        .addOption(new Option('-f, --format <format>', 'output format (default: from the extension of -o)').choices(GENERATE_FORMATS))
        .option('-o, --output <path>', 'write to this file, atomically, instead of standard output (-: standard output)')
        .option('--force', 'generate even when the file has errors', false)
        .option('-w, --width <columns>', `email: wrap lines at this many columns; 0 does not wrap (default: the configuration's email.width, or ${DEFAULT_EMAIL_WIDTH})`)
        .option('--from <address>', 'eml: the sender, instead of the file\'s from: (or its author\'s email:, or the configuration\'s email.from)')
        .option('--to <addresses>', 'eml: the recipients, comma-separated, instead of the file\'s to: (or the configuration\'s email.to)')
        .option('--cc <addresses>', 'eml: the copied recipients, instead of the file\'s cc:')
        .option('--date <date>', 'eml: the message\'s date, instead of the meeting\'s')
        .addOption(new Option('--names <style>', 'read references as written, or by their directory names').choices(NAME_STYLES).default('as-written'))
        .addOption(new Option('--attribution <level>', 'name speakers in full, by organisation, or not at all (Chatham House Rule); default: the configuration\'s attribution, else organisation when the file declares rule: Chatham House, else full').choices(ATTRIBUTIONS))
        .option('--title <title>', 'site: the title of the index (default: Meetings: FOLDER)')
        .option('--today <date>', 'site: the day overdue actions are measured against, YYYY-MM-DD (default: today)')
        .option('-d, --directory <paths...>', 'more files or folders whose people and organisations may be referred to')
        .action(async (file: string, options: GenerateCommandOptions) => {
            const { generateCommand } = await import('./generate.js');
            exitCode = await generateCommand(file, options, { stdout, stderr, readStdin: readStdinSource });
        });

    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version exit 0; usage mistakes exit 2.
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof UsageError) {
            stderr.write(`minutes: ${error.message}\n`);
            return 2;
        }
        stderr.write(`minutes: internal error: ${(error as Error).stack ?? error}\n`);
        return 2;
    }
}
