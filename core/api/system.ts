// Placeholder until the system area (office profile, settings, operators, audit, dashboard) lands.
export const systemApi = {};
