import type { Problem } from './problems.js';
import { DIAGNOSTICS_PAGE, ruleDocs } from './rule-docs.js';
import { paint } from './style.js';

export const REPORT_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

interface FormatContext {
    colour: boolean;
    summary: string;
    fileCount: number;
}

/** Renders problems in one of the `--format`s of `minutes check`. */
export function formatProblems(format: ReportFormat, problems: Problem[], context: FormatContext): string {
    switch (format) {
        case 'json':
            return JSON.stringify({ files: context.fileCount, problems, summary: context.summary }, undefined, 2) + '\n';
        case 'github':
            return problems.map(githubCommand).join('') + context.summary + '\n';
        case 'sarif':
            return JSON.stringify(sarif(problems), undefined, 2) + '\n';
        default:
            return problems.map(p => textLine(p, context.colour)).join('') + context.summary + '\n';
    }
}

function textLine(problem: Problem, colour: boolean): string {
    const severity = paint(colour, problem.severity === 'error' ? 'red' : problem.severity === 'warning' ? 'yellow' : 'blue', problem.severity);
    const code = paint(colour, 'dim', `[${problem.code}]`);
    return `${problem.file}:${problem.line}:${problem.column}: ${severity} ${problem.message} ${code}\n`;
}

/** GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands */
function githubCommand(problem: Problem): string {
    const command = problem.severity === 'error' ? 'error' : problem.severity === 'warning' ? 'warning' : 'notice';
    const property = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
    const data = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    return `::${command} file=${property(problem.file)},line=${problem.line},col=${problem.column},endLine=${problem.endLine},endColumn=${problem.endColumn},title=${property(problem.code)}::${data(problem.message)}\n`;
}

/** A job summary holds at most 1 MiB; past this the table says how many problems it leaves out. */
const SUMMARY_LIMIT = 1_000_000;

/** Every problem as a Markdown table, for a GitHub job summary: the annotations stop at ten of each kind. */
export function markdownSummary(problems: Problem[], summary: string): string {
    const cell = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/`/g, '&#96;').replace(/\r?\n|\r/g, ' ');
    let text = `### minutes check\n\n${summary}\n`;
    if (problems.length === 0) return text + '\n';
    text += '\n| file | line | severity | message | code |\n| --- | ---: | --- | --- | --- |\n';
    for (let i = 0; i < problems.length; i++) {
        const p = problems[i];
        const row = `| ${cell(p.file)} | ${p.line}:${p.column} | ${p.severity} | ${cell(p.message)} | \`${p.code}\` |\n`;
        if (text.length + row.length > SUMMARY_LIMIT) {
            return text + `\n${problems.length - i} more problems are left out: the summary is full. Run minutes check locally to see them all.\n\n`;
        }
        text += row;
    }
    return text + '\n';
}

/** SARIF 2.1.0, the format code-scanning tools read. */
function sarif(problems: Problem[]): object {
    const docs = ruleDocs();
    const rules = [...new Set(problems.map(p => p.code))].sort().map(id => {
        const doc = docs.get(id);
        return {
            id,
            shortDescription: { text: doc?.summary ?? id },
            helpUri: doc ? `${DIAGNOSTICS_PAGE}#${doc.anchor}` : DIAGNOSTICS_PAGE,
            ...(doc ? { defaultConfiguration: { level: doc.severity === 'error' ? 'error' : doc.severity === 'warning' ? 'warning' : 'note' } } : {})
        };
    });
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'minutes', informationUri: 'https://github.com/minutes-lang/minutes', rules } },
            results: problems.map(p => ({
                ruleId: p.code,
                level: p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'note',
                message: { text: p.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: p.file.split('\\').join('/') },
                        region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn }
                    }
                }]
            }))
        }]
    };
}
