/**
 * Scalar series derived from each gradient profile, so the UI can plot gradient flow over training like any
 * other metric. Layer 0 (the layer that sees the inputs) gives the plain names; deeper layers add `:layerN`.
 *   horizon         how many steps back the gradient stays ≥ 1e-3 of its value at T
 *   gradRatio       ||∂L/∂h_1|| / ||∂L/∂h_T||: < 1 vanishing, > 1 exploding
 *   jacobianNorm    geometric mean over t of ||∂h_t/∂h_{t−1}||, the per-step gain whose power bounds the ratio
 *   saturation, sigmaMax, spectralRadius, jacobianBound   as measured
 */
import type { GradientProfile, LayerProfile } from '../api/records';

export interface ScalarPoint {
  metric: string;
  value: number;
}

function geometricMean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += Math.log(v);
  return Math.exp(sum / values.length);
}

export function layerScalars(layer: LayerProfile): ScalarPoint[] {
  const suffix = layer.layer === 0 ? '' : `:layer${layer.layer}`;
  const out: ScalarPoint[] = [{ metric: `horizon${suffix}`, value: layer.horizon }];
  const h = layer.hNorms;
  if (h.length > 0) out.push({ metric: `gradRatio${suffix}`, value: (h[0] as number) / (h[h.length - 1] as number) });
  if (layer.jacobianNorms) out.push({ metric: `jacobianNorm${suffix}`, value: geometricMean(layer.jacobianNorms) });
  if (layer.saturation !== undefined) out.push({ metric: `saturation${suffix}`, value: layer.saturation });
  if (layer.sigmaMax !== undefined) out.push({ metric: `sigmaMax${suffix}`, value: layer.sigmaMax });
  if (layer.spectralRadius !== undefined) out.push({ metric: `spectralRadius${suffix}`, value: layer.spectralRadius });
  if (layer.jacobianBound !== undefined) out.push({ metric: `jacobianBound${suffix}`, value: layer.jacobianBound });
  return out;
}

export function profileScalars(profile: GradientProfile): ScalarPoint[] {
  return profile.layers.flatMap(layerScalars);
}
