// Placeholder until the contracts area lands.
export const contractsApi = {};
