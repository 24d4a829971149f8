import { describe, expect, it } from 'vitest';
import { seeded, type Random } from '../testing/mutate';
import { scanNumber, scannedValue, skipFiniteNumber } from './jsonNumber';
import { skipWhitespace } from './jsonSkip';
import { numberList, readFiniteNumbers } from './numberList';

/** Random tokens per run; NUMBER_TOKENS=10000000 npx vitest run jsonNumber for a long run. */
const N = Number(process.env.NUMBER_TOKENS ?? 1_000_000);
const encoder = new TextEncoder();

/** What `scanNumber` makes of the whole of `token`: its value, or 'invalid'. */
function scan(token: string): number | 'invalid' {
  const bytes = encoder.encode(token);
  return scanNumber(bytes, 0, bytes.length) === bytes.length ? scannedValue[0]! : 'invalid';
}

/** Whether `skipFiniteNumber` takes the whole of `token`. */
function skipsFinite(token: string): boolean {
  const bytes = encoder.encode(token);
  return skipFiniteNumber(bytes, 0, bytes.length) === bytes.length;
}

/** Whether `JSON.parse` makes a finite number of `token`. */
function isFiniteToken(token: string): boolean {
  const value = parse(token);
  return value !== 'invalid' && Number.isFinite(value);
}

/** What `JSON.parse` makes of `token` alone. */
function parse(token: string): number | 'invalid' {
  try {
    const value = JSON.parse(token) as unknown;
    return typeof value === 'number' ? value : 'invalid';
  } catch {
    return 'invalid';
  }
}

const digits = (rand: Random, n: number) =>
  Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

/** A JSON number token of a random shape: any length of digits, fraction, exponent. */
function randomToken(rand: Random): string {
  const pick = rand();
  if (pick < 0.25) {
    // A double's own spellings: shortest, fixed, exponential, and the 17-digit neighbours.
    const x = (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20);
    const forms = [String(x), x.toFixed(Math.floor(rand() * 20)), x.toExponential(16)];
    return forms[Math.floor(rand() * forms.length)]!.replace('e+', rand() < 0.5 ? 'e' : 'E+');
  }
  const sign = rand() < 0.3 ? '-' : '';
  const whole =
    rand() < 0.2
      ? '0'
      : String(1 + Math.floor(rand() * 9)) +
        digits(rand, rand() < 0.9 ? Math.floor(rand() * 8) : Math.floor(rand() * 30));
  const fraction =
    rand() < 0.6 ? `.${digits(rand, 1 + Math.floor(rand() * (rand() < 0.9 ? 6 : 25)))}` : '';
  const exponent =
    rand() < 0.2
      ? `${rand() < 0.5 ? 'e' : 'E'}${['', '+', '-'][Math.floor(rand() * 3)]}${Math.floor(rand() * (rand() < 0.8 ? 30 : 400))}`
      : '';
  return sign + whole + fraction + exponent;
}

describe('scanNumber', () => {
  it('reads edge-case tokens exactly as JSON.parse does', () => {
    const tokens = [
      '0',
      '-0',
      '0.0',
      '-0.0',
      '0e5',
      '-0e-400',
      '1',
      '-1',
      '0.1',
      '0.2',
      '0.3',
      '4.35',
      '2.675',
      '1e400',
      '-1e400',
      '1e-400',
      '5e-324',
      '2.4703282292062327e-324',
      '1.7976931348623157e308',
      '1.7976931348623159e308',
      '9007199254740991',
      '9007199254740992',
      '9007199254740993',
      '123456789012345678',
      '1e22',
      '1e23',
      '1e-22',
      '1e-23',
      '123456789012345.6',
      '0.1e1',
      '100000000000000000000000',
      '4.35e0',
      '435e-2',
      '0.000001',
      '1E+2',
      '1e-0',
      '12.00',
      '3.141592653589793238462643383279',
      '0.30000000000000004',
      '1.0000000000000002',
      '8.98846567431158e307',
      '2.2250738585072014e-308',
      '2.225073858507201e-308',
    ];
    for (const token of tokens) {
      expect(scan(token), token).toBe(parse(token));
      expect(skipsFinite(token), token).toBe(isFiniteToken(token));
    }
    const long = `1${'0'.repeat(308)}`;
    for (const token of [long, `${long}0`, `${long}.5`, `-${long}0`, `0.${long}`])
      expect(skipsFinite(token), token).toBe(isFiniteToken(token));
  });

  it('refuses what JSON refuses', () => {
    const invalid = [
      '-',
      '01',
      '-01',
      '1.',
      '.5',
      '1e',
      '1e+',
      '+1',
      '--1',
      '-a',
      '0x1',
      '1.e5',
      'Infinity',
      '1_0',
    ];
    for (const token of invalid) expect(scan(token), token).toBe('invalid');
    // Every short string over the alphabet of numbers: valid exactly when JSON.parse says so.
    const alphabet = ['0', '1', '9', '-', '+', '.', 'e', 'E'];
    let strings = [''];
    for (let length = 1; length <= 5; length++) {
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
      for (const s of strings) {
        expect(scan(s), s).toBe(parse(s));
        expect(skipsFinite(s), s).toBe(isFiniteToken(s));
      }
    }
  });

  it(`reads ${N} random tokens bit for bit as JSON.parse does`, () => {
    const rand = seeded(2026);
    const wrong: string[] = [];
    let fastPath = 0;
    for (let k = 0; k < N; k++) {
      const token = randomToken(rand);
      const got = scan(token);
      if (!Object.is(got, parse(token))) wrong.push(token);
      if (skipsFinite(token) !== isFiniteToken(token)) wrong.push(`finite? ${token}`);
      if (token.length <= 15 && !token.includes('e') && !token.includes('E')) fastPath++;
      if (wrong.length > 20) break;
    }
    expect(wrong).toEqual([]);
    // The shapes must cover both paths for the comparison to mean something.
    expect(fastPath).toBeGreaterThan(N / 4);
    expect(fastPath).toBeLessThan(N);
  });
});

describe('readFiniteNumbers', () => {
  /** What `readFiniteNumbers` makes of the whole of `text`: the count, or 'refused'. */
  function read(text: string): number | 'refused' {
    const bytes = encoder.encode(text);
    const to = readFiniteNumbers(bytes, 0, bytes.length);
    // JSON.parse allows whitespace after the list.
    return to >= 0 && skipWhitespace(bytes, to, bytes.length) === bytes.length
      ? numberList.count
      : 'refused';
  }
  /** What JSON.parse says: the length of a list of finite numbers, or 'refused'. */
  function expected(text: string): number | 'refused' {
    try {
      const value = JSON.parse(text) as unknown;
      return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v))
        ? value.length
        : 'refused';
    } catch {
      return 'refused';
    }
  }

  it('counts the lists of finite numbers JSON.parse reads, and refuses every other text', () => {
    const cases = [
      '[]',
      '[ ]',
      '[0]',
      '[ -0 , 1.5,2e3 ]',
      '[1e400]',
      '[12345678901234567]',
      `[1${'0'.repeat(320)}]`,
      '[1,]',
      '[,1]',
      '[01]',
      '[1 2]',
      '[-]',
      '[1.]',
      '[.5]',
      '[null]',
      '["1"]',
      '[[1]]',
      '[1',
      '[1}',
    ];
    for (const text of cases) expect(read(text), text).toBe(expected(text));
    const rand = seeded(99);
    const alphabet = ['0', '7', '-', '.', 'e', ',', ' ', ']', '['];
    let agreed = 0;
    for (let k = 0; k < 200_000; k++) {
      let text = '[';
      const length = Math.floor(rand() * 12);
      for (let c = 0; c < length; c++) text += alphabet[Math.floor(rand() * alphabet.length)];
      if (rand() < 0.8) text += ']';
      const [got, want] = [read(text), expected(text)];
      if (got !== want) expect(got, text).toBe(want);
      if (want !== 'refused') agreed++;
    }
    // Random texts must include lists that are valid for the comparison to say anything.
    expect(agreed).toBeGreaterThan(1000);
    const lists = Array.from({ length: 2000 }, () =>
      JSON.stringify(
        Array.from({ length: Math.floor(rand() * 40) }, () => randomToken(rand)),
      ).replace(/"/g, ''),
    );
    for (const text of lists) expect(read(text), text).toBe(expected(text));
  });
});
