export * from './result';
export * from './idNumber';
export * from './creditCode';
export * from './phone';
export * from './regionCode';
