// Placeholder until the backups area lands.
export const backupsApi = {};
