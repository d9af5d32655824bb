/**
 * Solves (A + ridge·I) x = g for a dense symmetric positive semidefinite A (row-major,
 * dim × dim), factorising into `work` (A is kept). The ridge is raised tenfold until the
 * factorisation succeeds; after twenty tries, x = g / ridge.
 */
export function choleskySolve(a: Float64Array, work: Float64Array, ridge: number, g: Float64Array, x: Float64Array, dim: number): void {
  for (let tries = 0; ; ridge *= 10, tries++) {
    if (tries === 20) {
      for (let v = 0; v < dim; v++) x[v] = g[v]! / ridge;
      return;
    }
    work.set(a);
    let ok = true;
    for (let j = 0; j < dim && ok; j++) {
      let d = work[j * dim + j]! + ridge;
      for (let q = 0; q < j; q++) d -= work[j * dim + q]! ** 2;
      if (!(d > 0)) ok = false;
      const root = Math.sqrt(d);
      work[j * dim + j] = root;
      for (let i = j + 1; i < dim && ok; i++) {
        let s = work[i * dim + j]!;
        for (let q = 0; q < j; q++) s -= work[i * dim + q]! * work[j * dim + q]!;
        work[i * dim + j] = s / root;
      }
    }
    if (!ok) continue;
    for (let i = 0; i < dim; i++) {
      let s = g[i]!;
      for (let q = 0; q < i; q++) s -= work[i * dim + q]! * x[q]!;
      x[i] = s / work[i * dim + i]!;
    }
    for (let i = dim - 1; i >= 0; i--) {
      let s = x[i]!;
      for (let q = i + 1; q < dim; q++) s -= work[q * dim + i]! * x[q]!;
      x[i] = s / work[i * dim + i]!;
    }
    return;
  }
}
