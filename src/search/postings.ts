/**
 * The claims one term occurs in: for each, how much the term counts there and where it first occurs
 * (for the bonus when query words stand next to each other). Typed arrays take a third of the memory of
 * plain arrays, which matters at 100,000 claims.
 *
 * They are `docs[start]` to `docs[start + length - 1]` (and the same in `weights` and `positions`). A term read
 * back from a saved index shares three arrays with every other term, until it changes and takes a copy: 45,000
 * terms then cost 45,000 small objects, not 135,000 typed arrays.
 */
export class Postings {
  /**
   * A new term's postings, empty (by default); or, for a term read back from a saved index, its part of the arrays
   * it shares with other terms.
   */
  constructor(
    public docs: Int32Array = new Int32Array(4),
    public weights: Float32Array = new Float32Array(4),
    public positions: Uint16Array = new Uint16Array(4),
    public start = 0,
    public length = 0,
    /** Whether the arrays are this term's alone. */
    private owned = true,
  ) {}

  static shared(docs: Int32Array, weights: Float32Array, positions: Uint16Array, start: number, length: number): Postings {
    return new Postings(docs, weights, positions, start, length, false);
  }

  add(doc: number, weight: number, position: number): void {
    if (!this.owned || this.length === this.docs.length) this.grow();
    this.docs[this.length] = doc;
    this.weights[this.length] = weight;
    this.positions[this.length] = position;
    this.length++;
  }

  remove(doc: number): void {
    if (!this.owned) this.grow();
    const at = this.docs.subarray(0, this.length).lastIndexOf(doc);
    if (at === -1) return;
    for (const array of [this.docs, this.weights, this.positions]) array.copyWithin(at, at + 1, this.length);
    this.length--;
  }

  /** Arrays of its own, with room to add: twice what it holds. */
  private grow(): void {
    const size = Math.max(4, this.length * 2);
    const end = this.start + this.length;
    const docs = new Int32Array(size);
    const weights = new Float32Array(size);
    const positions = new Uint16Array(size);
    docs.set(this.docs.subarray(this.start, end));
    weights.set(this.weights.subarray(this.start, end));
    positions.set(this.positions.subarray(this.start, end));
    Object.assign(this, { docs, weights, positions, start: 0, owned: true });
  }
}
