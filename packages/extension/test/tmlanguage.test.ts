import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateFromGrammar, REPOSITORY_ROOT } from '../../language/test/helpers/langium-generate.js';
// @ts-expect-error: a plain ES module without type declarations
import { buildTextMateText } from '../../../syntaxes/build-tmlanguage.mjs';

const GENERATED = path.join(REPOSITORY_ROOT, 'syntaxes/minutes.langium.tmLanguage.json');
const BUILT = path.join(REPOSITORY_ROOT, 'syntaxes/minutes.tmLanguage.json');

describe('the TextMate grammar files', () => {
    test('minutes.langium.tmLanguage.json is what langium generate writes for the grammar', async () => {
        const { textMate } = await generateFromGrammar();
        expect(await readFile(GENERATED, 'utf8'), 'stale: run npm run langium:generate').toBe(textMate);
    });

    test('minutes.tmLanguage.json is what build-tmlanguage.mjs builds from it', async () => {
        const built = (buildTextMateText as (text: string) => string)(await readFile(GENERATED, 'utf8'));
        expect(await readFile(BUILT, 'utf8'), 'stale: run node syntaxes/build-tmlanguage.mjs').toBe(built);
    });

    test('the extension contributes the built grammar for the language it declares', async () => {
        const manifest = JSON.parse(await readFile(path.join(REPOSITORY_ROOT, 'packages/extension/package.json'), 'utf8'));
        const grammar = JSON.parse(await readFile(BUILT, 'utf8'));
        expect(manifest.contributes.grammars).toEqual([
            { language: 'minutes', scopeName: grammar.scopeName, path: './syntaxes/minutes.tmLanguage.json' }
        ]);
    });
});

describe('highlighting', () => {
    let grammar: textmate.IGrammar;

    beforeAll(async () => {
        const require = createRequire(import.meta.url);
        const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
        await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
        const registry = new textmate.Registry({
            onigLib: Promise.resolve({
                createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
                createOnigString: text => new oniguruma.OnigString(text)
            }),
            loadGrammar: async () => textmate.parseRawGrammar(await readFile(BUILT, 'utf8'), BUILT)
        });
        const loaded = await registry.loadGrammar('source.minutes');
        if (!loaded) throw new Error('source.minutes did not load');
        grammar = loaded;
    });

    /** The scopes every token of `fragment` (its first occurrence in `text`) has. */
    function scopesOf(text: string, fragment: string): string[] {
        const at = text.indexOf(fragment);
        if (at < 0) throw new Error(`'${fragment}' is not in the text`);
        let stack = textmate.INITIAL;
        let lineStart = 0;
        let common: string[] | undefined;
        for (const line of text.split('\n')) {
            const result = grammar.tokenizeLine(line, stack);
            for (const token of result.tokens) {
                const start = lineStart + token.startIndex;
                const end = lineStart + token.endIndex;
                if (end > at && start < at + fragment.length) {
                    common = common ? common.filter(scope => token.scopes.includes(scope)) : [...token.scopes];
                }
            }
            stack = result.ruleStack;
            lineStart += line.length + 1;
        }
        return common ?? [];
    }

    test('keys only at the start of a line', () => {
        expect(scopesOf('date: 2018-03-19', 'date')).toContain('keyword.other.key.minutes');
        expect(scopesOf('  next steps:', 'next steps')).toContain('keyword.other.key.minutes');
        expect(scopesOf('Key Takeaways: x', 'Key Takeaways')).toContain('keyword.other.key.minutes');
        expect(scopesOf('We agreed on the date: 5 May', 'date')).not.toContain('keyword.other.key.minutes');
        expect(scopesOf('- date: x', 'date')).not.toContain('keyword.other.key.minutes');
    });

    test('speakers at the start of a line, mentions elsewhere', () => {
        expect(scopesOf('@mshears: He noted', '@mshears')).toContain('entity.name.function.speaker.minutes');
        expect(scopesOf('- @{Marilyn Cade} said', '@{Marilyn Cade}')).toContain('entity.name.function.speaker.minutes');
        expect(scopesOf('@? [from the floor]: So', '@?')).toContain('entity.name.function.speaker.minutes');
        expect(scopesOf('@Jürgen-Böhm noted', '@Jürgen-Böhm')).toContain('entity.name.function.speaker.minutes');
        const turn = '@tfredriksson [replying to @Marilyn]: In answer to @{Marcus Kummer}.';
        expect(scopesOf(turn, '@Marilyn')).toContain('variable.other.mention.minutes');
        expect(scopesOf(turn, '@Marilyn')).not.toContain('entity.name.function.speaker.minutes');
        expect(scopesOf(turn, ':')).toContain('punctuation.separator.speaker.minutes');
        expect(scopesOf(turn, 'Marcus Kummer')).toContain('variable.other.mention.name.minutes');
        expect(scopesOf('He met @Joanna.', '@Joanna')).toContain('variable.other.mention.minutes');
        expect(scopesOf('He met @Joanna.', '.')).not.toContain('variable.other.mention.minutes');
        expect(scopesOf('write to jane@example.org', '@example')).not.toContain('variable.other.mention.minutes');
    });

    test('one-line attendance lists: the key, then names as mentions (not speakers); a group label\'s names too', () => {
        const list = 'attendees: @carol, @{Eric Holk} (remote) and @mark';
        expect(scopesOf(list, 'attendees')).toContain('keyword.other.key.minutes');
        for (const name of ['@carol', '@{Eric Holk}', '@mark']) {
            expect(scopesOf(list, name), name).toContain(name.startsWith('@{') ? 'variable.other.mention.braced.minutes' : 'variable.other.mention.minutes');
            expect(scopesOf(list, name), name).not.toContain('entity.name.function.speaker.minutes');
        }
        const group = 'attendees:\nCouncil: @Carol, @Mark';
        expect(scopesOf(group, '@Carol')).toContain('variable.other.mention.minutes');
        expect(scopesOf(group, 'Council')).not.toContain('keyword.other.key.minutes');
    });

    test('numbered turns at the margin, as summary records number paragraphs; narration:', () => {
        expect(scopesOf('1. @{Mr. Al-Otaibi} (@Kuwait) said', '@{Mr. Al-Otaibi}')).toContain('entity.name.function.speaker.minutes');
        expect(scopesOf('1. @{Mr. Al-Otaibi} (@Kuwait) said', '1.')).toContain('punctuation.definition.list.begin.minutes');
        expect(scopesOf('1.1@{The Councillor from Belarus} introduced', '@{The Councillor from Belarus}')).toContain('entity.name.function.speaker.minutes');
        expect(scopesOf('   1. @mcade to present', '@mcade')).not.toContain('entity.name.function.speaker.minutes');
        expect(scopesOf('narration: As you can see', 'narration')).toContain('keyword.other.key.minutes');
    });

    test('comments: // only at the start of a line, /* */ anywhere', () => {
        expect(scopesOf('// not in any output', 'not in')).toContain('comment.line.double-slash.minutes');
        expect(scopesOf('UNCTAD - CSTD // recent report', 'recent')).not.toContain('comment.line.double-slash.minutes');
        expect(scopesOf('Prose with /* a note */ inside', 'a note')).toContain('comment.block.minutes');
        expect(scopesOf('# Title /* open\nstill */ prose', 'still')).toContain('comment.block.minutes');
    });

    test('headings, breaks, lists and quotes', () => {
        expect(scopesOf('## 2.1 Engagement with @ICANN', 'Engagement')).toContain('entity.name.section.minutes');
        expect(scopesOf('## 2.1 Engagement with @ICANN', '@ICANN')).toContain('variable.other.mention.minutes');
        expect(scopesOf('#hashtag at start', '#hashtag')).not.toContain('markup.heading.minutes');
        expect(scopesOf('---', '---')).toContain('meta.separator.minutes');
        expect(scopesOf('======', '======')).toContain('punctuation.definition.heading.setext.minutes');
        expect(scopesOf('+ item', '+')).toContain('punctuation.definition.list.begin.minutes');
        expect(scopesOf('- a bullet', '-')).toContain('punctuation.definition.list.begin.minutes');
        expect(scopesOf('  2.1 Item', '2.1')).toContain('markup.list.numbered.minutes');
        expect(scopesOf('> quoted', 'quoted')).toContain('markup.quote.minutes');
    });

    test('directory entries and actions', () => {
        expect(scopesOf('person @mcade Marilyn Cade', 'person')).toContain('storage.type.party.minutes');
        expect(scopesOf('person @mcade Marilyn Cade', '@mcade')).toContain('entity.name.type.party.minutes');
        expect(scopesOf('The person @mcade spoke', 'person')).not.toContain('storage.type.party.minutes');
        const action = 'action #wsis-report @nhickson due 2018-04-15: Circulate the report.';
        expect(scopesOf(action, 'action')).toContain('keyword.other.action.minutes');
        expect(scopesOf(action, '#wsis-report')).toContain('variable.other.constant.action-id.minutes');
        expect(scopesOf(action, '@nhickson')).toContain('variable.other.mention.minutes');
        expect(scopesOf(action, '2018-04-15')).toContain('constant.numeric.date.minutes');
        expect(scopesOf(action, 'Circulate')).not.toContain('meta.action.header.minutes');
        expect(scopesOf('update #wsis-report done: Circulated.', 'done')).toContain('constant.language.status.minutes');
        expect(scopesOf('The action was: none', 'action')).not.toContain('keyword.other.action.minutes');
    });

    test('dates, times, links and hashtags in prose', () => {
        expect(scopesOf('date: 8 December 2016', '8 December 2016')).toContain('constant.numeric.date.minutes');
        expect(scopesOf('On 12-16 June 2017 we met', '12-16 June 2017')).toContain('constant.numeric.date.minutes');
        expect(scopesOf('time: 09:00–10:45 CET', '09:00–10:45 CET')).toContain('constant.numeric.time.minutes');
        expect(scopesOf('Section 2.15 says', '2.15')).not.toContain('constant.numeric.time.minutes');
        const link = 'See https://www.itu.int/net4/wsis/forum/2018/. Then';
        expect(scopesOf(link, 'https://www.itu.int/net4/wsis/forum/2018/')).toContain('markup.underline.link.minutes');
        expect(scopesOf(link, '. Then')).not.toContain('markup.underline.link.minutes');
        expect(scopesOf('Tagged #IGF2018 here', '#IGF2018')).toContain('entity.name.tag.hashtag.minutes');
        expect(scopesOf('time: from 1435 to 1730 hours', '1435 to 1730 hours')).toContain('constant.numeric.time.minutes');
        expect(scopesOf('time: 0900 UTC', '0900 UTC')).toContain('constant.numeric.time.minutes');
        expect(scopesOf('In 1435 the', '1435')).not.toContain('constant.numeric.time.minutes');
    });

    test('inline Markdown: code, strong, emphasis, link labels; @@ is no mention', () => {
        const text = 'See [the RFC](https://example.org/rfc), **strong**, *kept*, `code @@species` and 5 * 3 * 2 with @@iterator';
        expect(scopesOf(text, 'the RFC')).toContain('string.other.link.title.minutes');
        expect(scopesOf(text, 'https://example.org/rfc')).toContain('markup.underline.link.minutes');
        expect(scopesOf(text, '**strong**')).toContain('markup.bold.minutes');
        expect(scopesOf(text, '*kept*')).toContain('markup.italic.minutes');
        expect(scopesOf(text, '`code @@species`')).toContain('markup.inline.raw.minutes');
        expect(scopesOf(text, '3 *')).not.toContain('markup.italic.minutes');
        expect(scopesOf(text, '@@iterator')).not.toContain('variable.other.mention.minutes');
    });
});
