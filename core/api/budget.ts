// Placeholder until the budget area lands.
export const budgetApi = {};
