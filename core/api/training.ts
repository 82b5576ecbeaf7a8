// Placeholder until the training area lands.
export const trainingApi = {};
