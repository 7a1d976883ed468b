import type { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { displayPath } from './workspace.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A diagnostic as the CLI reports it: 1-based line and column. */
export interface Problem {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** The problems of documents, sorted by file and position. Hints stay in the editor. */
export function problemsOf(documents: ReadonlyArray<{ uri: URI; diagnostics?: Diagnostic[] }>): Problem[] {
    const problems: Problem[] = [];
    for (const document of documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            const problem = toProblem(displayPath(document.uri.fsPath), diagnostic);
            if (problem.severity !== 'hint') problems.push(problem);
        }
    }
    return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function toProblem(file: string, diagnostic: Diagnostic): Problem {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code
        : typeof diagnostic.data?.code === 'string' ? diagnostic.data.code : 'syntax-error';
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITIES[diagnostic.severity ?? 1] ?? 'error',
        code,
        message: diagnostic.message.replace(/\s*\n\s*/g, ' ')
    };
}

export function summaryLine(fileCount: number, problems: Problem[]): string {
    const errors = problems.filter(p => p.severity === 'error').length;
    const warnings = problems.filter(p => p.severity === 'warning').length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `checked ${plural(fileCount, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
