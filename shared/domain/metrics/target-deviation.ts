/**
 * Signed deviation of each territory from its target: (W_k − T_k) / T_k with
 * T_k = total × capacity_k / Σ capacity (equal capacities: total / K). A territory with a
 * zero target reports 0.
 * @param values the measure's total per territory
 * @param capacity relative capacity per territory (rep capacity; 1 for a vacant territory)
 * @returns fractions, e.g. 0.12 = 12 % above target
 * @throws RangeError when the two arrays differ in length or a capacity is not positive
 */
export function targetDeviation(values: readonly number[], capacity: readonly number[]): number[] {
  if (values.length !== capacity.length) throw new RangeError('values and capacity must have the same length.');
  let total = 0;
  let capacityTotal = 0;
  values.forEach((v, i) => {
    if (!(capacity[i]! > 0)) throw new RangeError(`Capacity ${capacity[i]} of territory ${i} is not positive.`);
    total += v;
    capacityTotal += capacity[i]!;
  });
  return values.map((v, i) => {
    const target = (total * capacity[i]!) / capacityTotal;
    return target > 0 ? (v - target) / target : 0;
  });
}
