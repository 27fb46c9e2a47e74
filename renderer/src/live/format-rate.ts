/** Steps per second with as many decimals as stay meaningful. */
export function formatRate(stepsPerSecond: number): string {
  return stepsPerSecond >= 100
    ? stepsPerSecond.toFixed(0)
    : stepsPerSecond >= 10
      ? stepsPerSecond.toFixed(1)
      : stepsPerSecond.toFixed(2);
}
