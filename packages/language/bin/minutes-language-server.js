#!/usr/bin/env node
import { startMinutesLanguageServer } from '../out/lsp-main.js';

startMinutesLanguageServer();
