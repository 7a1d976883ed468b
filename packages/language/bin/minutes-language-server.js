#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep compiled code between runs (see packages/cli/bin/minutes.js).
module.enableCompileCache?.();
const { startMinutesLanguageServer } = await import('../out/lsp-main.js');

startMinutesLanguageServer();
