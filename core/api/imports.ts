// Placeholder until the imports area lands.
export const importsApi = {};
