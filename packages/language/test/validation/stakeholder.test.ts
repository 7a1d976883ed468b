import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { parse } from '../helpers/workspace.js';

describe('stakeholder:', () => {
    test('a misspelt group is a warning that names the closest one; written any case or with a hyphen, a group is known', async () => {
        const document = await parse([
            'org @ISOC Internet Society', '  stakeholder: civil socety', '',
            'org @ICC International Chamber of Commerce', '  stakeholder: Private-Sector', '',
            'org @X Someone', '  stakeholder: the press', ''
        ].join('\n'));
        const warnings = (document.diagnostics ?? []).filter(d => d.code === IssueCodes.UnknownStakeholder);
        expect(warnings.map(d => [d.range.start.line, d.message])).toEqual([
            [1, "'civil socety' is not a stakeholder group: did you mean 'civil society'? The groups are government, intergovernmental, civil society, private sector, technical community and academia."],
            [7, "'the press' is not a stakeholder group. The groups are government, intergovernmental, civil society, private sector, technical community and academia."]
        ]);
    });
});
