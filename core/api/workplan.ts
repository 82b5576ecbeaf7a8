// Placeholder until the workplan area lands.
export const workplanApi = {};
