export * from './reference';
export * from './platforms';
export * from './enterprises';
export * from './accounts';
export * from './audit';
export * from './evaluation';
export * from './planning';
