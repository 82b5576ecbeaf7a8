// Placeholder until the reports area lands.
export const reportsApi = {};
