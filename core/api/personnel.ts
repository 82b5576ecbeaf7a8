// Placeholder until the personnel area lands.
export const personnelApi = {};
