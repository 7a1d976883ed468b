import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../util/line-index.js';
import type { RuleLevel } from './minutes-config.js';

/**
 * `// minutes-disable-next-line CODE[, CODE…]` as a whole line: the diagnostics of those codes
 * (of every code when none is named) on the next line are not reported.
 */
export const DISABLE_NEXT_LINE = 'minutes-disable-next-line';
const DIRECTIVE = new RegExp(`^[ \\t]*//[ \\t]*${DISABLE_NEXT_LINE}(?![\\w-])(.*)$`);

/**
 * The one place where the configuration's rule severities and the inline suppressions apply,
 * after every check has run, so that the CLI, the editor and every rule agree: `off` and
 * suppressed diagnostics are dropped, `warning` and `error` set the severity.
 */
export function applyRuleSettings(diagnostics: Diagnostic[], text: TextDocument, rules: ReadonlyMap<string, RuleLevel>): Diagnostic[] {
    if (diagnostics.length === 0) return diagnostics;
    const suppressed = new Map<number, Set<string> | 'all'>();
    const suppressionsBefore = (line: number): Set<string> | 'all' | undefined => {
        if (line === 0) return undefined;
        if (!suppressed.has(line)) suppressed.set(line, parseDirective(lineText(text, line - 1)) ?? new Set());
        return suppressed.get(line);
    };
    const kept: Diagnostic[] = [];
    for (const diagnostic of diagnostics) {
        const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
        const level = code === undefined ? undefined : rules.get(code);
        if (level === 'off') continue;
        const before = suppressionsBefore(diagnostic.range.start.line);
        if (before === 'all' || (code !== undefined && before?.has(code))) continue;
        if (level === 'warning') diagnostic.severity = DiagnosticSeverity.Warning;
        else if (level === 'error') diagnostic.severity = DiagnosticSeverity.Error;
        kept.push(diagnostic);
    }
    return kept;
}

/**
 * Whether the configuration's rules give diagnostics of `code` a severity of their own, a
 * warning or an error: a hint so raised is reported where hints are not (`minutes check`).
 */
export function raisedByRules(rules: ReadonlyMap<string, RuleLevel>, code: string | number | undefined): boolean {
    const level = typeof code === 'string' ? rules.get(code) : undefined;
    return level === 'warning' || level === 'error';
}

function parseDirective(line: string): Set<string> | 'all' | undefined {
    const match = DIRECTIVE.exec(line);
    if (!match) return undefined;
    // A trailing `-- reason` is a remark, as in ESLint.
    const codes = match[1].split(/\s--\s/)[0].split(/[\s,]+/).filter(code => code !== '');
    return codes.length === 0 ? 'all' : new Set(codes);
}

function lineText(text: TextDocument, line: number): string {
    return LineIndex.of(text).lineWithBreak(line).replace(/\r?\n$|\r$/, '');
}
