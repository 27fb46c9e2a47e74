/** Transport names derived from the contract's method names: no string literals scattered across layers. */
import type { LabMethodName } from './methods';

export const ipcChannel = (method: LabMethodName): `lab:${LabMethodName}` => `lab:${method}`;
export const IPC_EVENT_CHANNEL = 'lab:event' as const;

export const httpRoute = (method: LabMethodName): `/api/${LabMethodName}` => `/api/${method}`;
export const HTTP_EVENTS_PATH = '/api/events' as const;
export const TOKEN_HEADER = 'x-gradlab-token' as const;
