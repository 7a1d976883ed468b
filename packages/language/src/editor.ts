/**
 * The language's services with the editor's, and the editor's safe quick fixes: an entry of
 * its own (`minutes-language/editor`), so that the command line loads the language server
 * protocol's code only for `minutes check --fix` (docs/performance.md, "Start-up").
 */
export { createMinutesServices, type MinutesServices, type MinutesSharedServices } from './minutes-module.js';
export { applySafeFixes, safeFixesOf, type SafeFix } from './lsp/safe-fixes.js';
