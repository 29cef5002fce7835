/** The element folder names under src/components/, sorted. */
export function elementNames(): string[];
