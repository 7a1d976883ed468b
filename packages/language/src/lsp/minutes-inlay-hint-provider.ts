import type { ConfigurationProvider, LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { isPerson, isSpeakerLine, type Document, type SpeakerLine } from '../generated/ast.js';
import type { MinutesServices } from '../minutes-module.js';
import { fullName, namesOf, organisationsOf, shortName } from '../model/directory.js';
import { nameKey } from '../model/names.js';
import { writtenText } from '../model/text.js';

/** The settings section of the language (`minutes.inlayHints.enabled`). */
export const INLAY_HINTS_SETTING = 'inlayHints';

/**
 * After a speaker's name, the organisation they belong to: `@mshears (ICANN-BC):`, so
 * that who speaks for whom is visible without hovering. Not shown where the line already
 * names the organisation, as attendee lines often do. Off with `minutes.inlayHints.enabled`.
 */
export class MinutesInlayHintProvider implements InlayHintProvider {
    private readonly configuration: ConfigurationProvider;
    private readonly languageId: string;

    constructor(services: MinutesServices) {
        this.configuration = services.shared.workspace.ConfigurationProvider;
        this.languageId = services.LanguageMetaData.languageId;
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[]> {
        if (!(await this.enabled())) return [];
        const { start, end } = params.range;
        const hints: InlayHint[] = [];
        for (const block of (document as LangiumDocument<Document>).parseResult.value.blocks) {
            const name = isSpeakerLine(block) ? block.speaker.$refNode : undefined;
            if (!name || name.range.start.line < start.line || name.range.start.line > end.line) continue;
            const hint = organisationHint(block as SpeakerLine);
            if (hint) hints.push({ position: name.range.end, paddingLeft: true, ...hint });
        }
        return hints;
    }

    private async enabled(): Promise<boolean> {
        const section = await this.configuration.getConfiguration(this.languageId, INLAY_HINTS_SETTING) as { enabled?: unknown } | undefined;
        return section?.enabled !== false;
    }
}

function organisationHint(line: SpeakerLine): { label: string; tooltip: string } | undefined {
    const speaker = line.speaker.ref;
    if (!isPerson(speaker)) return undefined;
    const organisations = organisationsOf(speaker);
    if (organisations.length === 0) return undefined;
    const written = ` ${nameKey(`${writtenText(line.qualifiers)} ${writtenText(line.text)}`)} `;
    const alreadyNamed = organisations.some(org => namesOf(org).some(name => {
        const key = nameKey(name);
        return key.length > 0 && written.includes(` ${key} `);
    }));
    if (alreadyNamed) return undefined;
    return {
        label: `(${organisations.map(shortName).join(', ')})`,
        tooltip: organisations.map(fullName).join(', ')
    };
}
