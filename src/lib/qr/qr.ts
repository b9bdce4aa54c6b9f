/**
 * A small QR code encoder (ISO/IEC 18004) for the printed handout's link back to the page.
 * It runs in the page, offline, so it has to stay tiny: byte mode only, error-correction
 * level M only (a printed page gets creased and smudged, and M still keeps the code small),
 * versions 1–15 only (enough for any URL the app makes). Everything else — block layout,
 * alignment positions, the Reed–Solomon generator — is derived from the version at run time
 * rather than stored in tables.
 */

const MAX_VERSION = 15;

// Level M, versions 1–15: Reed–Solomon codewords per block, and how many blocks.
// Only these two small columns of the standard's table are needed: the rest follows from
// the number of codeword modules in the symbol (see codewordCount).
const EC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24];
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10];

/** Codewords (data + EC) that fit in a symbol: all modules minus the function patterns. */
function codewordCount(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const n = Math.floor(version / 7) + 2;
    modules -= (25 * n - 10) * n - 55; // alignment patterns, less their overlap with timing
    if (version >= 7) modules -= 36; // two version-information blocks
  }
  return modules >> 3; // leftover remainder bits stay light
}

function dataCodewordCount(version: number): number {
  return codewordCount(version) - EC_PER_BLOCK[version - 1]! * BLOCKS[version - 1]!;
}

/** Centres of the alignment patterns along either axis: evenly spaced from the far edge back to 6. */
function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const n = Math.floor(version / 7) + 2;
  const size = 17 + 4 * version;
  // The standard rounds the spacing up to an even number, so the patterns sit on the timing lines' dark modules.
  const step = Math.ceil((size - 13) / (n - 1) / 2) * 2;
  const positions = [6];
  for (let i = n - 2; i >= 0; i--) positions.push(size - 7 - i * step);
  return positions;
}

// --- Reed–Solomon over GF(2^8) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1 ---

/** Carry-less "Russian peasant" product: slower than log tables, but needs no table at all. */
function gfMul(a: number, b: number): number {
  let r = 0;
  for (let i = 7; i >= 0; i--) {
    r = (r << 1) ^ ((r >> 7) * 0x11d);
    r ^= ((b >> i) & 1) * a;
  }
  return r;
}

/** Coefficients of (x - α^0)(x - α^1)…(x - α^(degree-1)), highest power first, the leading 1 left out. */
function rsGenerator(degree: number): number[] {
  const g = new Array<number>(degree).fill(0);
  g[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      g[j] = gfMul(g[j]!, root) ^ (g[j + 1] ?? 0);
    }
    root = gfMul(root, 2);
  }
  return g;
}

/** The remainder of data·x^degree divided by the generator: the block's EC codewords. */
function rsRemainder(data: number[], generator: number[]): number[] {
  const r = new Array<number>(generator.length).fill(0);
  for (const byte of data) {
    const factor = byte ^ r.shift()!;
    r.push(0);
    generator.forEach((g, i) => (r[i]! ^= gfMul(g, factor)));
  }
  return r;
}

// --- Bit stream ---

function encodeData(bytes: Uint8Array, version: number): number[] {
  const capacity = dataCodewordCount(version);
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4); // byte mode
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length)); // terminator, cut short if the symbol is full
  put(0, -bits.length & 7);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    codewords.push(bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0));
  }
  for (let pad = 0xec; codewords.length < capacity; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

/**
 * Splits the data into blocks, appends each block's EC codewords, then interleaves them
 * column by column, so a smudge spreads its damage over several blocks instead of exhausting one.
 */
function addEcAndInterleave(data: number[], version: number): number[] {
  const blockCount = BLOCKS[version - 1]!;
  const ecLength = EC_PER_BLOCK[version - 1]!;
  const total = codewordCount(version);
  // The later blocks are one data codeword longer when the codewords don't divide evenly.
  const longBlocks = total % blockCount;
  const shortLength = Math.floor(total / blockCount) - ecLength;
  const generator = rsGenerator(ecLength);
  const dataBlocks: number[][] = [];
  const ecBlocks: number[][] = [];
  for (let i = 0, at = 0; i < blockCount; i++) {
    const length = shortLength + (i >= blockCount - longBlocks ? 1 : 0);
    const block = data.slice(at, (at += length));
    dataBlocks.push(block);
    ecBlocks.push(rsRemainder(block, generator));
  }
  const result: number[] = [];
  for (let i = 0; i <= shortLength; i++) {
    for (const block of dataBlocks) if (i < block.length) result.push(block[i]!);
  }
  for (let i = 0; i < ecLength; i++) {
    for (const block of ecBlocks) result.push(block[i]!);
  }
  return result;
}

// --- The module grid ---

/** BCH code of `value`: the remainder of value·x^(degree of poly) modulo `poly`, appended to value. */
function bch(value: number, poly: number): number {
  const degree = 31 - Math.clz32(poly);
  let r = value << degree;
  while (31 - Math.clz32(r) >= degree) r ^= poly << (31 - Math.clz32(r) - degree);
  return (value << degree) | r;
}

type Mask = (row: number, col: number) => boolean;

const MASKS: Mask[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

class Grid {
  readonly version: number;
  readonly size: number;
  readonly dark: boolean[][];
  /** Modules that belong to a pattern or to format/version information, which masks and data skip. */
  readonly reserved: boolean[][];

  constructor(version: number) {
    this.version = version;
    this.size = 17 + 4 * version;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = this.dark.map((row) => row.slice());
    this.drawFunctionPatterns();
  }

  set(row: number, col: number, dark: boolean): void {
    this.dark[row]![col] = dark;
    this.reserved[row]![col] = true;
  }

  drawFunctionPatterns(): void {
    const { size } = this;
    for (let i = 0; i < size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    // Finders, each with its light separator: dark where the Chebyshev distance from the centre is not 2 or 4.
    for (const [r0, c0] of [[3, 3], [3, size - 4], [size - 4, 3]] as const) {
      for (let dr = -4; dr <= 4; dr++) {
        for (let dc = -4; dc <= 4; dc++) {
          const r = r0 + dr;
          const c = c0 + dc;
          const d = Math.max(Math.abs(dr), Math.abs(dc));
          if (r >= 0 && r < size && c >= 0 && c < size) this.set(r, c, d !== 2 && d !== 4);
        }
      }
    }
    const positions = alignmentPositions(this.version);
    const last = positions.length - 1;
    positions.forEach((r, i) =>
      positions.forEach((c, j) => {
        // Three corners are taken by the finders.
        if ((i === 0 && (j === 0 || j === last)) || (i === last && j === 0)) return;
        for (let dr = -2; dr <= 2; dr++) {
          for (let dc = -2; dc <= 2; dc++) this.set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
        }
      }),
    );
    // Reserve the format areas now so data placement skips them; drawFormat fills them per mask.
    this.drawFormat(0);
    if (this.version >= 7) {
      const bits = bch(this.version, 0x1f25);
      for (let i = 0; i < 18; i++) {
        const dark = ((bits >> i) & 1) === 1;
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(b, a, dark);
        this.set(a, b, dark);
      }
    }
  }

  /** Level M (bits 00) and the mask number, BCH-protected, then XOR-ed so it is never all light. */
  drawFormat(mask: number): void {
    const { size } = this;
    const bits = bch(mask, 0x537) ^ 0x5412;
    for (let i = 0; i < 15; i++) {
      const dark = ((bits >> i) & 1) === 1;
      // First copy: down column 8 (skipping the timing row), then along row 8 (skipping the timing column).
      if (i < 8) this.set(i < 6 ? i : i + 1, 8, dark);
      else this.set(8, i < 9 ? 7 : 14 - i, dark);
      // Second copy: split between the top-right and bottom-left finders.
      if (i < 8) this.set(8, size - 1 - i, dark);
      else this.set(size - 15 + i, 8, dark);
    }
    this.set(size - 8, 8, true); // the "dark module", always dark
  }

  /** Fills the free modules two columns at a time, zigzagging up and down from the bottom-right corner. */
  placeCodewords(codewords: number[]): void {
    const { size } = this;
    let bit = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5; // the vertical timing line takes a whole column
      const upward = ((right + 1) & 2) === 0;
      for (let v = 0; v < size; v++) {
        const row = upward ? size - 1 - v : v;
        for (const col of [right, right - 1]) {
          if (this.reserved[row]![col]) continue;
          const byte = codewords[bit >> 3] ?? 0; // remainder bits past the last codeword are light
          this.dark[row]![col] = ((byte >> (7 - (bit & 7))) & 1) === 1;
          bit++;
        }
      }
    }
  }

  /** XOR-ing twice undoes a mask, so the same call tries a mask and takes it off again. */
  applyMask(mask: number): void {
    const test = MASKS[mask]!;
    this.dark.forEach((row, r) =>
      row.forEach((d, c) => {
        if (!this.reserved[r]![c] && test(r, c)) row[c] = !d;
      }),
    );
  }

  /** The standard's penalty score: lower means fewer patterns a scanner could confuse with finders or misjudge. */
  penalty(): number {
    const { size, dark } = this;
    let score = 0;
    const lines: boolean[][] = [...dark, ...dark.map((_, c) => dark.map((row) => row[c]!))];
    for (const line of lines) {
      // Rule 1: runs of five or more of one colour.
      for (let i = 0, run = 0; i < size; i++) {
        run = i > 0 && line[i] === line[i - 1] ? run + 1 : 1;
        if (run === 5) score += 3;
        else if (run > 5) score += 1;
      }
      // Rule 3: a finder-like 1:1:3:1:1 with four light modules on either side.
      const s = line.map((d) => (d ? '1' : '0')).join('');
      for (let i = 0; i + 11 <= size; i++) {
        const w = s.slice(i, i + 11);
        if (w === '10111010000' || w === '00001011101') score += 40;
      }
    }
    // Rule 2: every 2×2 block of one colour.
    for (let r = 0; r < size - 1; r++) {
      for (let c = 0; c < size - 1; c++) {
        const d = dark[r]![c];
        if (d === dark[r]![c + 1] && d === dark[r + 1]![c] && d === dark[r + 1]![c + 1]) score += 3;
      }
    }
    // Rule 4: 10 points for each full 5% that the share of dark modules strays from 50%.
    const darkCount = dark.reduce((n, row) => n + row.filter(Boolean).length, 0);
    score += 10 * Math.floor(Math.abs(darkCount * 20 - size * size * 10) / (size * size));
    return score;
  }
}

/**
 * The QR code for `text` (UTF-8, byte mode, level M) in the smallest version from 1 to 15 that
 * holds it, as rows of modules without the quiet zone; true is dark.
 */
export function qrMatrix(text: string): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  // Mode (4 bits) and length (8 bits, or 16 from version 10) come before the bytes.
  while (4 + (version < 10 ? 8 : 16) + 8 * bytes.length > 8 * dataCodewordCount(version)) {
    if (++version > MAX_VERSION) {
      throw new Error(`QR: ${bytes.length} bytes of text do not fit a version ${MAX_VERSION} code at level M (412 at most)`);
    }
  }
  const symbol = new Grid(version);
  symbol.placeCodewords(addEcAndInterleave(encodeData(bytes, version), version));
  let best = 0;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    symbol.applyMask(mask);
    symbol.drawFormat(mask);
    const score = symbol.penalty();
    if (score < bestScore) [best, bestScore] = [mask, score];
    symbol.applyMask(mask);
  }
  symbol.applyMask(best);
  symbol.drawFormat(best);
  return symbol.dark;
}

/**
 * An SVG path of the dark modules, one `M x y h n v1 h-n z` rectangle per horizontal run,
 * in a `size`×`size` coordinate system that includes a `quiet`-module margin on every side.
 */
export function qrSvgPath(matrix: boolean[][], quiet = 4): { size: number; d: string } {
  let d = '';
  matrix.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      const n = x - start + 1;
      d += `M${start + quiet} ${y + quiet}h${n}v1h-${n}z`;
    }
  });
  return { size: matrix.length + 2 * quiet, d };
}
