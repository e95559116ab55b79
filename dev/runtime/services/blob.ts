import { enter } from './guard';
import { realmArray } from './realm';
import type { Scope } from './world';
import { standIn } from '../stand-in';

type Blob = GoogleAppsScript.Base.Blob;

/** A Blob: bytes, a content type and a name. Enough for text blobs; no conversions (getAs). */
export class BlobImpl implements Pick<
  Blob,
  | 'getBytes'
  | 'setBytes'
  | 'getDataAsString'
  | 'setDataFromString'
  | 'getContentType'
  | 'setContentType'
  | 'getName'
  | 'setName'
  | 'copyBlob'
  | 'getBlob'
  | 'isGoogleType'
> {
  constructor(
    private scope: Scope,
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  private self(): Blob {
    return standIn<Blob>(this);
  }

  private count(method: string): void {
    enter(this.scope, `Blob.${method}`, 'free');
  }

  getBytes(): number[] {
    this.count('getBytes');
    return realmArray(
      this.scope.execution,
      [...this.bytes].map((b) => (b > 127 ? b - 256 : b)),
    );
  }

  setBytes(data: number[]): Blob {
    this.count('setBytes');
    this.bytes = Buffer.from([...data].map((b) => Number(b) & 0xff));
    return this.self();
  }

  getDataAsString(charset?: string): string {
    this.count('getDataAsString');
    return this.bytes.toString(charset && /ascii/i.test(charset) ? 'ascii' : 'utf8');
  }

  setDataFromString(text: string): Blob {
    this.count('setDataFromString');
    this.bytes = Buffer.from(String(text), 'utf8');
    return this.self();
  }

  getContentType(): string | null {
    this.count('getContentType');
    return this.contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.count('setContentType');
    this.contentType = contentType;
    return this.self();
  }

  getName(): string | null {
    this.count('getName');
    return this.name;
  }

  setName(name: string): Blob {
    this.count('setName');
    this.name = String(name);
    return this.self();
  }

  copyBlob(): Blob {
    this.count('copyBlob');
    return new BlobImpl(this.scope, Buffer.from(this.bytes), this.contentType, this.name).self();
  }

  getBlob(): Blob {
    this.count('getBlob');
    return this.self();
  }

  isGoogleType(): boolean {
    this.count('isGoogleType');
    return false;
  }
}
