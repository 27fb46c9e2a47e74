/** The engine's public surface for the host: backend choice, a training run, the probe command. */
export { initBackend, engineInfo, BackendUnavailableError } from './backend';
export { runTraining, type RunMessage, type RunOptions } from './trainer';
export { probeFromFiles, type ProbeResult } from './probe-cli';
export { decodeCheckpoint, CheckpointError } from './checkpoint';
export type { Checkpoint, EngineToHost, HostToEngine } from './protocol';
export { ACTIVATION_DEFS } from './activations';
export { CELL_DEFS } from './cells';
export { INITIALISER_DEFS } from './initialisers';
export { OPTIMIZER_DEFS } from './optimizers';
