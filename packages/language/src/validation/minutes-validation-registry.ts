import { ValidationRegistry, type ValidationCategory, type ValidationCheck } from 'langium';

/**
 * Langium's registry, with checks that stay synchronous. Langium wraps each check in two async
 * functions (to report an exception as a diagnostic), so that every call of every check made
 * two promises, and the validator awaited each: a tenth of a check's validation on a thousand
 * files (docs/performance.md). Here a check that returns nothing runs and returns nothing;
 * one that throws, or returns a promise that rejects, is reported as Langium reports it.
 */
export class MinutesValidationRegistry extends ValidationRegistry {
    /** The checks of each node type, per list of categories: the validator asks for each type in each document. */
    private readonly checksByType = new Map<string, ValidationCheck[]>();

    /** `getChecks` as an array, looked up once per node type and categories (until a check is registered). */
    checksOf(type: string, categories?: ValidationCategory[]): ValidationCheck[] {
        const key = categories ? `${type} ${categories.join()}` : type;
        let checks = this.checksByType.get(key);
        if (!checks) this.checksByType.set(key, checks = this.getChecks(type, categories).toArray());
        return checks;
    }

    protected override addEntry(...entry: Parameters<ValidationRegistry['addEntry']>): void {
        this.checksByType.clear();
        super.addEntry(...entry);
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: ReturnType<ValidationCheck>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(() => { throw error; }, VALIDATION_ERROR, accept, node);
            }
            return result && this.handleException(() => result, VALIDATION_ERROR, accept, node);
        };
    }
}

/** Langium's words for an exception in a check. */
const VALIDATION_ERROR = 'An error occurred during validation';
