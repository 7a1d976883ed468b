export { startMinutesLanguageServer } from './lsp-main.js';
