// Placeholder until the imports area lands.
export const importsHandlers = {};
