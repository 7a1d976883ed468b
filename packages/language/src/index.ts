/** The language without the editor's services (`minutes-language/editor`): what `minutes check` needs (core.ts, an entry of its own), the generators, importers and ledger. */
export * from './core.js';
export * from './generated/ast.js';
export * from './generated/module.js';
export * from './model/names.js';
export * from './model/text.js';
export * from './model/directory.js';
export * from './model/structure.js';
export * from './model/text-content.js';
export * from './validation/issue-codes.js';
export * from './config/minutes-config.js';
export { DISABLE_NEXT_LINE } from './config/rule-settings.js';
export * from './generation/index.js';
export {
    counted, filled, formattedCount, meetingLanguage, sharedLanguage, textDirection, translationOf, type WritingLanguage
} from './model/language.js';
export type { OutputWords, SiteWords, DigestWords } from './model/translations.js';
export * from './ledger/index.js';
export * from './import/index.js';
export { NameKeyScope, MinutesScopeProvider } from './scoping/minutes-scope-provider.js';
export { MAX_DOCUMENT_LENGTH } from './parser/minutes-lexer.js';
export { fromPortableDescription, toPortableDescription, type PortableDescription } from './workspace/portable-descriptions.js';
export { blockTreeCacheOf } from './parser/minutes-parser.js';
