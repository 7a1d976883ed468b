import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applyRuleSettings, buildActionLedger, IssueCodes, overdueActions, shortName } from 'minutes-language/core';
import { problemsOf, type Problem } from './problems.js';
import { todayOption } from './today.js';
import type { LoadedWorkspace } from './workspace.js';

/**
 * `minutes check --overdue`: an `overdue-action` problem for each open action of the checked
 * files whose due date is before `today`: a warning (an error with --strict), then, as for
 * every other rule, the configuration's severity for the code and the file's
 * `// minutes-disable-next-line` comments (applyRuleSettings).
 */
export function overdueProblems(workspace: LoadedWorkspace, today: string | undefined, strict: boolean): Problem[] {
    const date = todayOption(today);
    const ledger = buildActionLedger(workspace.all);
    const checked = new Map(workspace.documents.map(document => [document.uri.toString(), { document, diagnostics: [] as Diagnostic[] }]));
    for (const { action, due, daysLate } of overdueActions(ledger, date)) {
        const diagnostics = checked.get(action.place.uri)?.diagnostics;
        if (!diagnostics) continue;
        const start = { line: action.line - 1, character: 0 };
        const owners = action.owners.map(o => shortName(o)).concat(action.unresolvedOwners);
        const days = daysLate === 1 ? '1 day' : `${daysLate} days`;
        diagnostics.push({
            range: action.item.action.$cstNode?.range ?? { start, end: start },
            severity: strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            code: IssueCodes.OverdueAction,
            message: `Action #${action.id}${owners.length ? ` (${owners.join(', ')})` : ''} was due ${due}, ${days} before ${date}, and is still open.`
        });
    }
    const configs = workspace.shared.workspace.MinutesConfigs;
    return problemsOf([...checked.values()].map(({ document, diagnostics }) => ({
        uri: document.uri,
        diagnostics: applyRuleSettings(diagnostics, document.textDocument, configs.rulesOf(document.uri))
    })));
}
