export * from './spec';
export * from './numbers';
export * from './records';
export * from './events';
export * from './errors';
export * from './contract';
export * from './channels';
export * from './wire';
