// Placeholder until the personnel area lands.
export const personnelHandlers = {};
