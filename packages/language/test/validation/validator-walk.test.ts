import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { Link, Mention, Text } from '../../src/generated/ast.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import { astNodesOf } from '../../src/util/ast-walk.js';
import { loadExamples } from '../helpers/examples.js';

/**
 * The validator does not walk into a text (MinutesDocumentValidator.validateSingleNodeOptions):
 * what holds so that it misses no check.
 */
describe('the validator walk', () => {
    test('no check is registered for the children of a text, its mentions and links', () => {
        const registry = createMinutesServices(EmptyFileSystem).Minutes.validation.ValidationRegistry;
        expect(registry.getChecks(Mention.$type).toArray()).toEqual([]);
        expect(registry.getChecks(Link.$type).toArray()).toEqual([]);
    });

    test('a text holds mentions and links, nothing else', async () => {
        const children = new Set<string>();
        for (const document of (await loadExamples()).values()) {
            for (const node of astNodesOf(document.parseResult.value)) {
                if (node.$container?.$type === Text.$type) children.add(node.$type);
            }
        }
        expect([...children].sort()).toEqual([Link.$type, Mention.$type]);
    });
});
