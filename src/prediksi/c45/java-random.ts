/**
 * java.util.Random (48-bit LCG), as Weka's cross-validation uses it. The 48-bit state is
 * kept as two 24-bit halves so every product stays exact in a double.
 */
const MUL_HI = 0x5de; // 0x5DEECE66D = 0x5DE·2^24 + 0xECE66D
const MUL_LO = 0xece66d;
const TWO24 = 0x1000000;

export class JavaRandom {
  private hi = 0;
  private lo = 0;

  constructor(seed: number) {
    this.setSeed(seed);
  }

  setSeed(seed: number): void {
    // (seed ^ 0x5DEECE66D) & (2^48 - 1), done in BigInt once.
    const s = (BigInt.asUintN(64, BigInt(seed)) ^ 0x5deece66dn) & ((1n << 48n) - 1n);
    this.hi = Number(s >> 24n);
    this.lo = Number(s & 0xffffffn);
  }

  /** next(bits): advance the LCG and return the top `bits` bits as a signed int32. */
  next(bits: number): number {
    const loProd = this.lo * MUL_LO + 0xb;
    const carry = Math.floor(loProd / TWO24);
    const newLo = loProd - carry * TWO24;
    const hiProd = this.hi * MUL_LO + this.lo * MUL_HI + carry;
    const newHi = hiProd % TWO24;
    this.hi = newHi;
    this.lo = newLo;
    // seed >>> (48 - bits), as an int32.
    const value = Math.floor((newHi * TWO24 + newLo) / Math.pow(2, 48 - bits));
    return value | 0;
  }

  nextInt(n: number): number {
    if (n <= 0) throw new RangeError('n must be positive');
    if ((n & -n) === n) return Math.floor((n * this.next(31)) / 2147483648);
    let bits: number;
    let val: number;
    do {
      bits = this.next(31);
      val = bits % n;
    } while (bits - val + (n - 1) > 2147483647);
    return val;
  }
}
