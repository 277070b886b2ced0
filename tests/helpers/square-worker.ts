/** A worker for tests/worker-map.test.ts: squares each number of its batch; 13 is refused. */
export default function squareBatch(batch: readonly number[]): number[] {
  return batch.map((n) => {
    if (n === 13) throw new Error('13 refused');
    return n * n;
  });
}
