import { DefaultValueConverter, GrammarAST, GrammarUtils, type CstNode, type ValueType } from 'langium';
import { writtenName } from '../model/text.js';
import { detached } from '../util/detached-string.js';
import { normalisedKey } from '../model/vocabulary.js';

export class MinutesValueConverter extends DefaultValueConverter {
    /**
     * Per grammar element a leaf is parsed by, the rule that reads its value (null: none, the
     * text as written). Langium's `convert` finds it again at each token, through the grammar's
     * type tests; a check of the bench's 1,000 files converts 445,000 tokens with the grammar's
     * 30-odd elements (docs/performance.md, "Fewer objects per token and per block").
     */
    private readonly ruleOfElement = new Map<GrammarAST.AbstractElement, GrammarAST.AbstractRule | null>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const element = cstNode.grammarSource;
        if (!element) return input;
        let rule = this.ruleOfElement.get(element);
        if (rule === undefined) {
            rule = ruleReading(element);
            this.ruleOfElement.set(element, rule);
        }
        // A value goes into the AST, and a block outlives the edits after it: not a view of the text it was cut from (see `detached`).
        const value = rule ? this.runConverter(rule, input, cstNode) : input;
        return typeof value === 'string' ? detached(value) : value;
    }

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

/** The rule whose converter reads a leaf parsed by `element`, as Langium's `convert` finds it: a cross-reference's terminal, a rule call's rule. */
function ruleReading(element: GrammarAST.AbstractElement): GrammarAST.AbstractRule | null {
    const feature = GrammarAST.isCrossReference(element) ? GrammarUtils.getCrossReferenceTerminal(element) : element;
    if (!GrammarAST.isRuleCall(feature)) return null;
    const rule = feature.rule.ref;
    if (!rule) throw new Error('This cst node was not parsed by a rule.');
    return rule;
}
