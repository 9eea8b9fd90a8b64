// Numbers as typed in Indonesian (id-ID), the same grammar as Dashboard.Domain/Numbers/IdNumber.Parse: comma for
// decimals, dot (or a space) between thousands; anything that could be read two ways is refused. The messages come from
// the server (GET /api/v1/field, numbers.messages); a browser test checks this parser against the server's on a corpus.
const SPACES = [' ', '\u00A0', '\u2009', '\u202F'];
const SPACE_SPLIT = /[ \u00A0\u2009\u202F]/;
const LIMIT_DIGITS = '1000000000000';

const isDigit = (c) => c >= '0' && c <= '9';
const isSpace = (c) => SPACES.includes(c);

/** { ok, value (Number), invariant (exact decimal text), error } */
export function parseIdNumber(text, numbers) {
  const m = numbers.messages;
  const fail = (error) => ({ ok: false, value: 0, invariant: null, error });
  if (text == null || text.trim() === '') return fail(m.Required);
  let s = text.trim();
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  if (s.length === 0) return fail(m.NotANumber);
  let negative = false;
  if (s[0] === '-' || s[0] === '\u2212' || s[0] === '+') {
    negative = s[0] !== '+';
    s = s.slice(1);
  }
  if (s.length === 0) return fail(m.NotANumber);
  if (![...s].every((c) => isDigit(c) || c === '.' || c === ',' || isSpace(c))) return fail(m.NotANumber);
  const last = s[s.length - 1];
  if (!isDigit(last) && last !== ',') return fail(m.NotANumber);

  const commas = [...s].filter((c) => c === ',').length;
  if (commas > 1) {
    const parts = s.split(',');
    const english = parts[0].length >= 1 && parts[0].length <= 3 && parts.slice(1).every((p) => p.length === 3 || p.includes('.'));
    return fail(english && parts.every((p) => p.length > 0) ? m.EnglishFormat : m.TooManyCommas);
  }
  const comma = s.indexOf(',');
  const integerPart = comma < 0 ? s : s.slice(0, comma);
  const fraction = comma < 0 ? null : s.slice(comma + 1);
  if (fraction !== null) {
    if (fraction.includes('.')) return fail(m.EnglishFormat);
    if ([...fraction].some(isSpace)) return fail(m.NotANumber);
    if (fraction.length === 0) return fail(m.NothingAfterComma);
    if (fraction.length > numbers.maxDecimals) return fail(m.TooManyDecimals);
    if (integerPart.length === 0) return fail(m.NothingBeforeComma);
  }
  const dotted = integerPart.includes('.');
  const spaced = [...integerPart].some(isSpace);
  if (dotted && spaced) return fail(m.MixedGroups);
  const groups = dotted ? integerPart.split('.') : spaced ? integerPart.split(SPACE_SPLIT) : [integerPart];
  const validGroups = groups[0].length >= 1 && groups[0].length <= 3 && groups.every((g) => [...g].every(isDigit))
    && groups.slice(1).every((g) => g.length === 3);
  if ((dotted || spaced) && !validGroups) return fail(dotted ? m.Ambiguous : m.BadSpaceGroups);
  if (dotted && groups[0].startsWith('0')) return fail(m.Ambiguous);

  const digits = groups.join('').replace(/^0+/, '');
  if (digits.length > 13) return fail(m.OutOfRange);
  if (digits.length === 13 && (digits > LIMIT_DIGITS || (digits === LIMIT_DIGITS && fraction !== null && /[1-9]/.test(fraction)))) {
    return fail(m.OutOfRange);
  }
  const trimmedFraction = fraction === null ? '' : fraction.replace(/0+$/, '');
  let invariant = (digits.length === 0 ? '0' : digits) + (trimmedFraction.length > 0 ? '.' + trimmedFraction : '');
  const zero = invariant === '0';
  if (negative && !zero) invariant = '-' + invariant;
  return { ok: true, value: Number(invariant), invariant, error: null };
}

/** Digits after the decimal point of an exact decimal text. */
export function decimals(invariant) {
  const dot = invariant.indexOf('.');
  return dot < 0 ? 0 : invariant.length - dot - 1;
}

const formatter = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 });

/** id-ID style (1.234.567,5), as IdNumber.Format. */
export function formatIdNumber(value) {
  return value == null ? '–' : formatter.format(value);
}
