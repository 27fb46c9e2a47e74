// The reader thread from the TypeScript sources (a checkout, the tests): tsx first, as bin/gradlab.js does.
import { register } from 'tsx/esm/api';

register();
await import('./reader-worker.ts');
