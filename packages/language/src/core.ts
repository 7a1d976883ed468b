/**
 * What `minutes check` needs of the language: its services without the editor's, the names
 * and exports its threads share, the configuration and the ledger's overdue actions. An entry
 * of its own (`minutes-language/core`): the bundler gives a command every module the entries it
 * imports can reach, and the package's index reaches the generators and importers (nodemailer's
 * composer among them), which a check never runs (docs/performance.md, "Start-up").
 */
export * from './minutes-core-module.js';
export { Action } from './generated/ast.js';
export { nameKey } from './model/names.js';
export { shortName } from './model/directory.js';
export { IssueCodes } from './validation/issue-codes.js';
export { MinutesConfigs, NotesRoot } from './config/minutes-configs.js';
export { applyRuleSettings } from './config/rule-settings.js';
export { buildActionLedger } from './ledger/action-ledger.js';
export { isIsoDate, localIsoDate, overdueActions } from './ledger/overdue.js';
export { tooLargeMessage } from './parser/minutes-lexer.js';
export { MinutesIndexManager } from './workspace/minutes-index-manager.js';
export { MinutesScopeComputation } from './scoping/minutes-scope-computation.js';
export { MinutesLinker } from './scoping/minutes-linker.js';
export { scanExports, scanMatchesExports, type ScannedAction, type ScannedExports } from './workspace/export-scan.js';
export { parseAgainWhenRead } from './workspace/parse-again.js';
export { forgetBlockTrees } from './parser/lazy-cst.js';
export { MinutesDocument } from './workspace/minutes-document-factory.js';
export type { PackedLexing, TokenTypeIndexes } from './parser/minutes-lexer.js';
export { lexingTypeIndexes, parseNextFrom } from './parser/packed-lexing.js';
