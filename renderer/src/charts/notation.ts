/** The formulas charts put on their axes: notation, the same in every language, so it lives outside the catalogs. */
export const H_GRAD_NORM = '‖∂L/∂hₜ‖';
export const PARAM_GRAD_NORM = '‖∇θL‖';
