import { register } from 'tsx/esm/api';

register();
await import('./reader-test-worker.ts');
