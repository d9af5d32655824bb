/** English messages of the scenario tree and the compare view (part of the `en` catalog). */
export const enScenarios = {
} as const;
