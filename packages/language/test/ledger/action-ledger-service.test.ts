import { describe, expect, test } from 'vitest';
import { buildWorkspace } from '../helpers/workspace.js';
import { editDocument } from '../helpers/lsp.js';

const FIRST = `meeting: Board call
date: 2024-01-10

action #budget @x due 2024-02-01: Draft the budget.
`;

const SECOND = `meeting: Board call
date: 2024-02-10

update #budget done: Circulated.
`;

describe('the action ledger service', () => {
    test('builds the ledger once per change of the workspace, and again after an edit', async () => {
        const { services, documents } = await buildWorkspace({ 'first.minutes': FIRST, 'second.minutes': SECOND });
        const { ActionLedger } = services.shared.workspace;
        const before = ActionLedger.ledger;
        expect(ActionLedger.ledger).toBe(before);
        expect(before.actions.map(action => [action.id, action.current.status])).toEqual([['budget', 'done']]);

        // The second meeting no longer reports on the action: it is open again.
        await editDocument(services, documents['second.minutes'].uri, SECOND.replace('update #budget done: Circulated.', 'Nothing to report.'));
        const after = ActionLedger.ledger;
        expect(after).not.toBe(before);
        expect(after.actions.map(action => [action.id, action.current.status])).toEqual([['budget', 'open']]);
    });
});
