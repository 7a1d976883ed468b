/** Terminal colour: only on a terminal, never with NO_COLOR (https://no-color.org). */
export function useColour(stream: NodeJS.WriteStream): boolean {
    if ('NO_COLOR' in process.env && process.env.NO_COLOR !== undefined) return false;
    if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
    return Boolean(stream.isTTY);
}

const CODES = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1 } as const;
export type Colour = keyof typeof CODES;

export function paint(enabled: boolean, colour: Colour, text: string): string {
    return enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}
