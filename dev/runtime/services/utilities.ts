import crypto from 'node:crypto';
import { Charset, DigestAlgorithm, enumName } from './enums';
import { BlobImpl } from './blob';
import { formatDate } from './format-date';
import { formatString } from './format-string';
import { enter } from './guard';
import { parseDate } from './parse-date';
import { isDate, realmArray, realmDate, scriptError } from './realm';
import type { Scope } from './world';
import { standIn } from '../stand-in';

type Byte = number;

/** Utilities.sleep's documented maximum: 300000 ms (5 minutes). */
export const MAX_SLEEP_MS = 300_000;

const DIGESTS: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** Apps Script's Byte[] are Java bytes: signed, -128 to 127. */
function toSigned(buffer: Buffer): Byte[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

function typeName(value: unknown): string {
  if (isDate(value)) return 'Date';
  if (typeof value === 'string') return 'String';
  if (Array.isArray(value)) return 'number[]';
  if (value === null || value === undefined) return 'null';
  return typeof value === 'object' ? 'Object' : typeof value;
}

export class UtilitiesImpl implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'sleep'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'newBlob'
  | 'parseDate'
  | 'parseCsv'
> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;

  constructor(private scope: Scope) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    enter(this.scope, 'Utilities.formatDate', 'free');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      const types = [date, timeZone, format].map(typeName).join(',');
      throw scriptError(this.scope.execution, `The parameters (${types}) don't match the method signature for Utilities.formatDate.`);
    }
    try {
      return formatDate(date.getTime(), timeZone, format);
    } catch (error) {
      throw scriptError(this.scope.execution, (error as Error).message);
    }
  }

  formatString(template: string, ...args: unknown[]): string {
    enter(this.scope, 'Utilities.formatString', 'free');
    return formatString(template, ...args);
  }

  getUuid(): string {
    enter(this.scope, 'Utilities.getUuid', 'free');
    return crypto.randomUUID();
  }

  /** Advances the runtime's clock instead of sleeping. */
  sleep(milliseconds: number): void {
    enter(this.scope, 'Utilities.sleep', 'free');
    this.scope.world.wait(this.scope.execution, Math.min(Math.max(0, Number(milliseconds) || 0), MAX_SLEEP_MS));
  }

  base64Encode(data: string | Byte[], charset?: GoogleAppsScript.Utilities.Charset): string {
    enter(this.scope, 'Utilities.base64Encode', 'free');
    return this.bytes(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | Byte[], charset?: GoogleAppsScript.Utilities.Charset): string {
    enter(this.scope, 'Utilities.base64EncodeWebSafe', 'free');
    return this.bytes(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): Byte[] {
    enter(this.scope, 'Utilities.base64Decode', 'free');
    return this.decode(encoded, /^[A-Za-z0-9+/]*={0,2}$/, charset);
  }

  base64DecodeWebSafe(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): Byte[] {
    enter(this.scope, 'Utilities.base64DecodeWebSafe', 'free');
    return this.decode(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), /^[A-Za-z0-9+/]*={0,2}$/, charset);
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | Byte[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Byte[] {
    enter(this.scope, 'Utilities.computeDigest', 'free');
    const hash = DIGESTS[enumName(algorithm) ?? ''];
    if (!hash) throw scriptError(this.scope.execution, `Unsupported digest algorithm: ${String(algorithm)}`);
    return realmArray(this.scope.execution, toSigned(crypto.createHash(hash).update(this.bytes(value, charset)).digest()));
  }

  computeHmacSha256Signature(value: string | Byte[], key: string | Byte[], charset?: GoogleAppsScript.Utilities.Charset): Byte[] {
    enter(this.scope, 'Utilities.computeHmacSha256Signature', 'free');
    const mac = crypto.createHmac('sha256', this.bytes(key, charset)).update(this.bytes(value, charset)).digest();
    return realmArray(this.scope.execution, toSigned(mac));
  }

  /** A Date from text read with a SimpleDateFormat pattern in a time zone. */
  parseDate(date: string, timeZone: string, format: string): Date {
    enter(this.scope, 'Utilities.parseDate', 'free');
    try {
      return realmDate(this.scope.execution, parseDate(String(date), String(timeZone), String(format)));
    } catch (error) {
      throw scriptError(this.scope.execution, (error as Error).message);
    }
  }

  newBlob(data: string | Byte[], contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    enter(this.scope, 'Utilities.newBlob', 'free');
    return standIn<GoogleAppsScript.Base.Blob>(new BlobImpl(this.scope, this.bytes(data), contentType ?? null, name ?? null));
  }

  /** Rows of a CSV text: quoted fields may hold the delimiter, newlines and doubled quotes. */
  parseCsv(csv: string, delimiter = ','): string[][] {
    enter(this.scope, 'Utilities.parseCsv', 'free');
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const text = String(csv);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length > 0) {
      row.push(field);
      rows.push(row);
    }
    return realmArray(
      this.scope.execution,
      rows.map((r) => realmArray(this.scope.execution, r)),
    );
  }

  private bytes(data: string | Byte[], charset?: GoogleAppsScript.Utilities.Charset): Buffer {
    if (typeof data === 'string') return Buffer.from(data, enumName(charset) === 'US_ASCII' ? 'ascii' : 'utf8');
    return Buffer.from([...data].map((b) => Number(b) & 0xff));
  }

  private decode(encoded: string, valid: RegExp, charset?: GoogleAppsScript.Utilities.Charset): Byte[] {
    const text = String(encoded).replace(/\s+/g, '');
    if (!valid.test(text) || text.replace(/=+$/, '').length % 4 === 1) throw scriptError(this.scope.execution, 'Could not decode string.');
    void charset; // bytes are bytes; the charset only matters when encoding a string
    return realmArray(this.scope.execution, toSigned(Buffer.from(text, 'base64')));
  }
}
