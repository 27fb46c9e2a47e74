/**
 * The gradient profile of one probe: from one forward/backward pass on the fixed probe batch, per layer
 * ||∂L/∂h_t|| (and ||∂L/∂c_t||), the horizon, activation saturation and, for vanilla RNNs, the per-step
 * Jacobian norms beside their bound γ·σ_max(Wh) and Wh's spectral radius.
 */
import type { GradientProfile, LayerProfile } from '../../api/records';
import { tf } from '../tf';
import { layerDerivatives } from '../forward';
import { rescaledHiddenGradients } from './rescaled-backward';
import type { BatchTensors } from '../batch';
import type { ModelShape, Params } from '../model';
import { gradientHorizon } from './horizon';
import { saturationShare } from './saturation';
import { jacobianNorms } from './jacobian';
import { topSingular, spectralRadiusHost, spectralRadiusTensor } from './spectral';

/** Above this hidden size the O(H³) spectral radius runs on the backend instead of the host. */
const HOST_RADIUS_MAX_H = 96;

export function measureProfile(params: Params, model: ModelShape, batch: BatchTensors, step: number): GradientProfile {
  const layers: LayerProfile[] = [];
  tf.tidy(() => {
    const g = rescaledHiddenGradients(params, model, batch);
    const { act } = g.trace;
    g.trace.layers.forEach((lt, l) => {
      const hNorms = g.hNorms[l]!;
      const cNorms = g.cNorms[l];
      const derivs = layerDerivatives(g.trace, lt);
      const saturation = saturationShare([derivs]).dataSync()[0]!;
      const profile: LayerProfile = { layer: l, hNorms, horizon: gradientHorizon(hNorms), saturation };
      if (cNorms) profile.cNorms = cNorms;
      if (model.cell === 'rnn') {
        const Wh = params.layers[l]!.Wh;
        const H = model.hidden;
        const wh = Wh.dataSync() as Float32Array;
        const { sigma: sigmaMax, v } = topSingular(wh, H, H);
        profile.jacobianNorms = jacobianNorms(derivs, g.trace.T, Wh, v);
        profile.jacobianBound = act.gamma * sigmaMax;
        profile.sigmaMax = sigmaMax;
        profile.spectralRadius = H <= HOST_RADIUS_MAX_H ? spectralRadiusHost(wh, H) : spectralRadiusTensor(Wh);
      }
      layers.push(profile);
    });
  });
  return { step, layers };
}
