import { describe, expect, test } from 'vitest';
import { generateHtml } from '../../src/generation/html.js';
import { parse } from '../helpers/workspace.js';

describe('HTML row ids', () => {
    test('rows of one action and of its updates get ids unique in the page, suffixed in order (the site links to the first)', async () => {
        const document = await parse([
            'meeting: Agreed', 'group: G', 'date: 2018-03-19', '', 'action #plan: Write the plan.', 'action #plan: Again.', '',
            'meeting: Reported', 'group: G', 'date: 2018-04-19', '',
            'update #plan: Started.', 'update #plan: Halfway.', 'update #plan done: Finished.', ''
        ].join('\n'));
        const html = generateHtml(document.parseResult.value);
        const ids = [...html.matchAll(/<tr[^>]* id="([^"]+)"/g)].map(match => match[1]);
        expect(ids).toEqual(['action-plan', 'action-plan-2', 'update-plan', 'update-plan-2', 'update-plan-3']);
    });
});
