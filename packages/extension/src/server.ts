// The language server process the extension starts (bundled to out/server.cjs).
import { startMinutesLanguageServer } from 'minutes-language/lsp-main';

startMinutesLanguageServer();
