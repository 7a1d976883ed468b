import type { ValidationAcceptor } from 'langium';
import { isLink, isMention, type Text } from '../generated/ast.js';
import { isRefNameStart } from '../parser/characters.js';
import { sourceSpanOf, textTokens } from '../model/text.js';
import { IssueCodes } from './issue-codes.js';
import { rangeOfOffsets } from './ranges.js';

/**
 * An `@` right after `_`, `-` or `+` is part of a word, as in an e-mail address
 * (`first_last@…`, `a+b@…`), so `_@mcade_`, `S-@mcade` or `+@mcade` mention no one: the name
 * stays as written in every output, under the Chatham House Rule too. Said where it
 * happens, once per piece of text.
 */
export function mentionMustNotFollowWordPunctuation(text: Text, accept: ValidationAcceptor): void {
    if (!mayHaveAtAfterWordPunctuation(text)) return;
    for (const leaf of textTokens(text)) {
        const word = leaf.text;
        // Most words have no @ past their first character: they are passed over before their node is asked for.
        const first = word.indexOf('@', 1);
        if (first < 0 || isMention(leaf.astNode) || isLink(leaf.astNode)) continue;
        for (let at = first; at > 0; at = word.indexOf('@', at + 1)) {
            if (!'_-+'.includes(word[at - 1]) || !isRefNameStart(word.codePointAt(at + 1))) continue;
            // An address is `…@host.tld`: a name after the @ with a dot in it is left alone.
            const rest = /^@[^\s,;:()<>]*/.exec(word.slice(at))![0];
            if (/\.[\p{L}]{2,}$/u.test(rest)) continue;
            accept('warning', `'${word[at - 1]}${rest}' is not a mention: an @ right after '${word[at - 1]}' belongs to the word, as in an e-mail address, `
                + `so the name stays as written (under the Chatham House Rule too). Put a space before the @, or write \\@ to keep it as text.`, {
                node: text, range: rangeOfOffsets(text, leaf.offset + at - 1, leaf.offset + at + rest.length), code: IssueCodes.NotAMention, data: { code: IssueCodes.NotAMention }
            });
            return;
        }
    }
}

/** Whether a `_@`, `-@` or `+@` is written in the text: few texts have one, and the others are not read token by token. */
function mayHaveAtAfterWordPunctuation(text: Text): boolean {
    const span = sourceSpanOf(text);
    if (!span) return false;
    // Searched in the text's own slice: a search of the whole document would read on past its end.
    const written = span.source.slice(span.offset, span.end);
    for (let at = written.indexOf('@', 1); at >= 0; at = written.indexOf('@', at + 1)) {
        const before = written[at - 1];
        if (before === '_' || before === '-' || before === '+') return true;
    }
    return false;
}
