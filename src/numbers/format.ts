import { AppError } from '../errors.js';

function format(value: number, decimals: number, group: string, decimalMark: string): string {
  if (!Number.isFinite(value)) {
    throw new AppError('E_BAD_ARGUMENT', `Cannot format a non-finite number: ${value}`, { stage: 'numbers' });
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new AppError('E_BAD_ARGUMENT', `Decimals must be an integer in 0..20, got ${decimals}`, { stage: 'numbers' });
  }
  const fixed = Math.abs(value).toFixed(decimals);
  // toFixed switches to exponent notation from 1e21 on; no report prints such amounts.
  if (fixed.includes('e')) {
    throw new AppError('E_BAD_ARGUMENT', `Number too large to format: ${value}`, { stage: 'numbers' });
  }
  const [intPart = '0', frac] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  // A value that rounds to zero prints without a sign, as reports do.
  const sign = value < 0 && /[1-9]/.test(fixed) ? '-' : '';
  return sign + grouped + (frac === undefined ? '' : decimalMark + frac);
}

/**
 * Formats a number the Indonesian way: `.` groups thousands, `,` is the decimal mark.
 *
 * @example
 *   formatId(1357900300.5, 2) // '1.357.900.300,50'
 */
export function formatId(value: number, decimals = 0): string {
  return format(value, decimals, '.', ',');
}

/**
 * Formats a number the US way: `,` groups thousands, `.` is the decimal mark.
 *
 * @example
 *   formatUs(217902500, 0) // '217,902,500'
 */
export function formatUs(value: number, decimals = 0): string {
  return format(value, decimals, ',', '.');
}
