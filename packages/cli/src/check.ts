import { loadPaths, UsageError } from './workspace.js';
import { problemsOf, summaryLine, type Problem } from './problems.js';
import { appendFile } from 'node:fs/promises';
import { formatProblems, markdownSummary, type ReportFormat } from './report-formats.js';
import { paint, useColour } from './style.js';
import { overdueProblems } from './actions.js';

export interface CheckOptions {
    format: ReportFormat;
    strict: boolean;
    directory?: string[];
    /** Report open actions past their due date (`overdue-action`), measured against `today` (YYYY-MM-DD, default the real date). */
    overdue?: boolean;
    today?: string;
}

/** `minutes check`: exit 0 when clean, 1 on problems (errors, or warnings with --strict). */
export async function check(paths: string[], options: CheckOptions, io: {
    stdout: NodeJS.WriteStream;
    readStdin: () => Promise<string>;
    /** With --format github: the job summary file (`$GITHUB_STEP_SUMMARY`) that receives every problem as a table. */
    stepSummary?: string;
}): Promise<number> {
    if (paths.length === 0) throw new UsageError('check needs files or folders to check (or - for standard input)');
    const fromStdin = paths.includes('-');
    const stdin = fromStdin ? { text: await io.readStdin(), name: '<stdin>.minutes' } : undefined;
    const workspace = await loadPaths(paths.filter(p => p !== '-'), { context: options.directory, stdin });
    const problems: Problem[] = problemsOf(workspace.documents);
    if (options.overdue) {
        problems.push(...overdueProblems(workspace, options.today, options.strict));
        problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    }
    const colour = useColour(io.stdout);
    const checkedCount = workspace.documents.length;
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
