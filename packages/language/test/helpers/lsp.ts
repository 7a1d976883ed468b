import { TextDocument, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { setTextDocument } from 'langium/test';
import type { Document } from '../../src/generated/ast.js';
import { buildWorkspace } from './workspace.js';

/** A small directory: names with accents, aliases, honorifics and organisations. */
export const DIRECTORY = `person @ttropina Tatiana Tropina
  alias: Tatiana
  org: @CoE
  role: Cybercrime expert

person @pfaltstrom Patrik Fältström
  org: @Netnod
  role: Head of Research and Development

person @mcade Ms Marilyn Cade
  alias: Marilyn
  org: @ICANN-BC
  role: Chair, CCWG-IG

person @nhickson Nigel Hickson
  org: @ICANN

person @mshears Matthew Shears
  org: @ICANN

org @CoE Council of Europe
  acronym: CoE
  stakeholder: intergovernmental

org @Netnod Netnod
  stakeholder: technical community

org @ICANN-BC ICANN Business Constituency
  acronym: ICANN-BC
  stakeholder: private sector

org @ICANN Internet Corporation for Assigned Names and Numbers
  acronym: ICANN
  stakeholder: technical community

country @Russia Russia
`;

/** A workspace with the directory, ready for the langium/test helpers to add documents to. */
export async function directoryWorkspace(files: Record<string, string> = {}) {
    return buildWorkspace({ 'directory.minutes': DIRECTORY, ...files });
}

/** The offset of the n-th (0-based) occurrence of `needle` in a document, plus `delta`. */
export function offsetOf(document: LangiumDocument<Document> | string, needle: string, delta = 0, occurrence = 0): number {
    const text = typeof document === 'string' ? document : document.textDocument.getText();
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) is not in the text`);
    }
    return at + delta;
}

let version = 1;

/** Replaces a document's text as an editor does, and rebuilds the workspace (caches are cleared). */
export async function editDocument(services: { shared: LangiumSharedServices }, uri: URI, text: string): Promise<void> {
    setTextDocument(services.shared, TextDocument.create(uri.toString(), 'minutes', ++version, text));
    await services.shared.workspace.DocumentBuilder.update([uri], []);
}
