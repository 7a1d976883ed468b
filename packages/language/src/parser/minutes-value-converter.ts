import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { writtenName } from '../model/text.js';
import { normalisedKey } from '../model/vocabulary.js';

export class MinutesValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'REF':
            case 'SPEAKER_REF':
                return writtenName(input);
            case 'ACTION_ID':
                return input.slice(1);
            case 'FIELD_LABEL':
                // A custom field's label as written, without its colon: `Proposer's Name`.
                return input.replace(/[ \t]*:$/, '');
            default:
                // A key as the grammar spells it, however written: `Date :`, `Next steps:` → `date:`, `next-steps:`.
                if (rule.name.endsWith('Key')) return normalisedKey(input);
                return super.runConverter(rule, input, cstNode);
        }
    }
}
