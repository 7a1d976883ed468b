import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { check } from './check.js';
import { REPORT_FORMATS, type ReportFormat } from './report-formats.js';
import { UsageError } from './workspace.js';

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

async function readStdin(): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

/** Runs the `minutes` command; returns the exit code (0 ok, 1 problems, 2 usage or I/O). */
export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    const program = new Command('minutes')
        .description('Check and generate structured meeting notes written in the Minutes language.')
        .version(version, '-v, --version')
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(text) })
        .showHelpAfterError('(run minutes --help for usage)');

    program.command('check')
        .description('Parse, link and validate .minutes files; print one line per problem.')
        .argument('<paths...>', 'files or folders (searched for .minutes files), or - for standard input')
        .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
        .option('--strict', 'fail on warnings too', false)
        .option('-d, --directory <paths...>', 'more files or folders whose people and organisations may be referred to')
        .action(async (paths: string[], options: { format: ReportFormat; strict: boolean; directory?: string[] }) => {
            exitCode = await check(paths, options, { stdout: process.stdout, readStdin });
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
            process.stderr.write(`minutes: ${error.message}\n`);
            return 2;
        }
        process.stderr.write(`minutes: internal error: ${(error as Error).stack ?? error}\n`);
        return 2;
    }
}
