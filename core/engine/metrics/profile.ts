/**
 * The gradient profile of one probe, per layer: ||∂L/∂h_t|| (and ||∂L/∂c_t||), the horizon, activation
 * saturation and, for vanilla RNNs when spectra are asked for, the per-step Jacobian norms beside their bound
 * γ·σ_max(Wh) and Wh's spectral radius. Two sources share the assembly (profileFromPass):
 * - measureProfile: its own pass on the fixed probe batch, norms carried rescaled (no float32 underflow);
 * - the training step's own pass (trainer, probe.source = 'train'): its float32 norms, no extra pass.
 */
import type { GradientProfile, LayerProfile } from '../../api/records';
import { tf } from '../tf';
import { layerDerivatives, type ForwardTrace } from '../forward';
import { rescaledHiddenGradients } from './rescaled-backward';
import type { BatchTensors } from '../batch';
import type { ModelShape, Params } from '../model';
import { gradientHorizon } from './horizon';
import { SATURATION_THRESHOLD, saturationShare } from './saturation';
import { jacobianNorms } from './jacobian';
import { topSingular, spectralRadiusHost, spectralRadiusTensor } from './spectral';
import { fusedSaturation } from '../kernels/fused-layer';

/** Above this hidden size the O(H³) spectral radius runs on the backend (float32, ~1e-6 relative; 7× faster at H = 64). */
const HOST_RADIUS_MAX_H = 32;

export interface ProfileOptions {
  /** Measure the vanilla-RNN spectra (Jacobian norms, bound, σ_max, spectral radius). Default true. */
  spectra?: boolean;
  /**
   * Per layer, Wh's top right singular vector from the previous probe: the power iteration starts there and
   * stops when σ settles, so a probe of slowly changing weights needs a few iterations, not hundreds.
   * Updated in place.
   */
  warm?: (Float64Array | undefined)[];
}

export interface HiddenNorms {
  h: number[][];
  c: (number[] | null)[];
}

/** The profile from a forward trace and its backward's norms. Call inside tf.tidy, while the trace lives. */
export function profileFromPass(
  params: Params,
  model: ModelShape,
  trace: ForwardTrace,
  norms: HiddenNorms,
  step: number,
  opts: ProfileOptions = {},
): GradientProfile {
  const { act } = trace;
  const layers = trace.layers.map((lt, l): LayerProfile => {
    const hNorms = norms.h[l]!;
    const cNorms = norms.c[l];
    const spectra = model.cell === 'rnn' && opts.spectra !== false;
    // The derivatives tensor is only needed for the Jacobians; the fused path counts saturation in place.
    const derivs = spectra || !lt.fused ? layerDerivatives(trace, lt) : null;
    const saturation = lt.fused
      ? fusedSaturation(lt.fused, SATURATION_THRESHOLD)
      : saturationShare([derivs!]).dataSync()[0]!;
    const profile: LayerProfile = { layer: l, hNorms, horizon: gradientHorizon(hNorms), saturation };
    if (cNorms) profile.cNorms = cNorms;
    if (spectra) {
      const Wh = params.layers[l]!.Wh;
      const H = model.hidden;
      const wh = Wh.dataSync() as Float32Array;
      const { sigma: sigmaMax, v } = topSingular(wh, H, H, 200, opts.warm?.[l]);
      if (opts.warm) opts.warm[l] = v;
      profile.jacobianNorms = jacobianNorms(derivs!, trace.T, Wh, v);
      profile.jacobianBound = act.gamma * sigmaMax;
      profile.sigmaMax = sigmaMax;
      profile.spectralRadius = H <= HOST_RADIUS_MAX_H ? spectralRadiusHost(wh, H) : spectralRadiusTensor(Wh);
    }
    return profile;
  });
  return { step, layers };
}

/** A profile from its own forward/backward pass on `batch` (the fixed probe batch). */
export function measureProfile(
  params: Params,
  model: ModelShape,
  batch: BatchTensors,
  step: number,
  opts: ProfileOptions = {},
): GradientProfile {
  return tf.tidy(() => {
    const g = rescaledHiddenGradients(params, model, batch);
    return profileFromPass(params, model, g.trace, { h: g.hNorms, c: g.cNorms }, step, opts);
  });
}
