/** Stands in for src/pii when measuring the bundle without the detector (client/scripts/measure-bundle.mjs). */
export function detect(): never[] {
  return [];
}
