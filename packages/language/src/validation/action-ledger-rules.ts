import { GrammarUtils, UriUtils, type AstNodeDescription, type AstNodeLocator, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { Action, isAction, type ActionUpdate, type Document, type MinutesAstType } from '../generated/ast.js';
import { DerivedActionIds } from '../ledger/action-ids.js';
import { meetingPlaceOf, meetingPlacesOf, type SourceDocument } from '../ledger/meetings.js';
import { compareDates, longDate } from '../model/dates.js';
import type { MinutesCoreServices } from '../minutes-core-module.js';
import type { MinutesScopeProvider } from '../scoping/minutes-scope-provider.js';
import { listed, NAMES_LISTED } from './directory-rules.js';
import { IssueCodes } from './issue-codes.js';

/** Data of an `action-without-id` hint: the identifier the quick fix writes. */
export interface ActionWithoutIdData {
    code: typeof IssueCodes.ActionWithoutId;
    /** Without `#`. */
    id: string;
}

/**
 * Rules of the action ledger: identifiers name one action in the whole workspace, and a
 * report on an action comes after the meeting that agreed it. An action without an
 * identifier gets a hint whose quick fix writes a derived one (`#2018-03-19-circulate-report`).
 * An unknown identifier after `update` is a linking error (`unknown-action`, see
 * MinutesDocumentValidator).
 */
export class ActionLedgerChecks {
    private readonly scopeProvider: MinutesScopeProvider;
    private readonly locator: AstNodeLocator;

    constructor(services: MinutesCoreServices) {
        this.scopeProvider = services.references.ScopeProvider;
        this.locator = services.workspace.AstNodeLocator;
    }

    /** `action #plan` written twice: `update #plan` could not say which one it reports on. */
    actionIdentifierMustBeUnique(action: Action, accept: ValidationAcceptor): void {
        if (!action.name) return;
        const root = action.$container as Document & { $document?: SourceDocument };
        const uri = root.$document?.uri.toString();
        const path = this.locator.getAstNodePath(action);
        const same = this.scopeProvider.scopeFor(Action.$type).elementsNamed(action.name);
        const isThis = (d: AstNodeDescription) => d.documentUri.toString() === uri && d.path === path;
        // Only the first few others are named: listing all of 16,000 actions of one id in each one's message was quadratic.
        const shown: AstNodeDescription[] = [];
        for (const d of same) {
            if (shown.length === NAMES_LISTED) break;
            if (!isThis(d)) shown.push(d);
        }
        if (shown.length === 0) return;
        const where = shown.map(d => {
            const line = d.nameSegment ? ` line ${d.nameSegment.range.start.line + 1}` : '';
            return `${UriUtils.basename(d.documentUri)}${line}`;
        });
        // This action is among `same` (it is indexed under its name) unless its document is not indexed yet.
        const others = shown.length < NAMES_LISTED ? shown.length : same.length - 1;
        accept('error', `Action identifier '#${action.name}' is also used in ${listed(where, others)}: an identifier must name one action in the workspace, so that updates know which one they report on.`, {
            node: action, property: 'name', code: IssueCodes.DuplicateActionId, data: { code: IssueCodes.DuplicateActionId }
        });
    }

    /** `update #x done` in a meeting dated before the one that agreed `#x`. */
    updateMustNotPrecedeAction(update: ActionUpdate, accept: ValidationAcceptor): void {
        const action = update.action.ref;
        if (!action) return;
        const reported = meetingPlaceOf(update);
        const agreed = meetingPlaceOf(action);
        if (!reported?.date || !agreed?.date || compareDates(reported.date, agreed.date) >= 0) return;
        accept('warning', `This meeting (${longDate(reported.date)}) is before the meeting that agreed #${action.name} (${agreed.title}, ${longDate(agreed.date)}): an update reports on an earlier action.`, {
            node: update, property: 'action', code: IssueCodes.UpdateBeforeAction, data: { code: IssueCodes.UpdateBeforeAction }
        });
    }

    /**
     * A hint on each action without an identifier, carrying a derived one unique in the
     * workspace (and among this document's other unnamed actions) for the quick fix.
     */
    actionShouldHaveIdentifier(document: Document, accept: ValidationAcceptor): void {
        const source = (document as Document & { $document?: SourceDocument }).$document;
        if (!source) return;
        let derived: DerivedActionIds | undefined;
        for (const place of meetingPlacesOf(source)) {
            for (const item of place.meeting.actions) {
                // A line that opens with its joint owners (`@DE/@AWB will …`) has no header to name it in.
                if (item.id || !isAction(item.action)) continue;
                derived ??= new DerivedActionIds(this.scopeProvider.scopeFor(Action.$type).getAllElements().map(d => d.name));
                const id = derived.derive(item.textWithoutNames, place.isoDate);
                const keyword = GrammarUtils.findNodeForKeyword(item.action.$cstNode, 'action');
                const data: ActionWithoutIdData = { code: IssueCodes.ActionWithoutId, id };
                accept('hint', `This action has no identifier: with '#${id}', later meetings can report on it ('update #${id} done: …').`, {
                    node: item.action, range: keyword?.range, code: IssueCodes.ActionWithoutId, data
                });
            }
        }
    }
}

/** Registers the action ledger's rules (see ActionLedgerChecks). */
export function registerActionLedgerChecks(services: MinutesCoreServices): void {
    const checker = new ActionLedgerChecks(services);
    const checks: ValidationChecks<MinutesAstType> = {
        Action: checker.actionIdentifierMustBeUnique,
        ActionUpdate: checker.updateMustNotPrecedeAction,
        Document: checker.actionShouldHaveIdentifier
    };
    services.validation.ValidationRegistry.register(checks, checker);
}
