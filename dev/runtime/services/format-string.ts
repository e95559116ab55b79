/**
 * Utilities.formatString: a sprintf-style template (Java's String.format subset
 * scripts use): %s %d %i %f %e %x %o %c %%, flags - + 0 space, width, precision.
 */
export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0]*)(\d+)?(?:\.(\d+))?([sdifexXoc%])/g,
    (whole, flags: string, width?: string, precision?: string, type?: string) => {
      if (type === '%') return '%';
      const arg = args[next++];
      let text: string;
      switch (type) {
        case 's':
          text = String(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
          break;
        case 'd':
        case 'i':
          text = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
          text = Number(arg).toExponential(precision === undefined ? 6 : Number(precision));
          break;
        case 'x':
        case 'X':
          text = Math.trunc(Number(arg)).toString(16);
          if (type === 'X') text = text.toUpperCase();
          break;
        case 'o':
          text = Math.trunc(Number(arg)).toString(8);
          break;
        default:
          text = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
      }
      const numeric = 'difexXo'.includes(type ?? '');
      if (numeric && flags.includes('+') && !text.startsWith('-')) text = `+${text}`;
      else if (numeric && flags.includes(' ') && !text.startsWith('-')) text = ` ${text}`;
      const size = width === undefined ? 0 : Number(width);
      if (text.length >= size) return text;
      if (flags.includes('-')) return text.padEnd(size);
      if (flags.includes('0') && numeric) {
        const sign = /^[-+ ]/.test(text) ? text.charAt(0) : '';
        return sign + text.slice(sign.length).padStart(size - sign.length, '0');
      }
      return whole && text.padStart(size);
    },
  );
}
