// Placeholder until the system area lands.
export const systemHandlers = {};
