import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { SandboxMode, XFrameOptionsMode, enumName } from './enums';
import { enter } from './guard';
import { realmArray, scriptError } from './realm';
import type { Scope } from './world';
import { standIn } from '../stand-in';

type Output = GoogleAppsScript.HTML.HtmlOutput;
type Template = GoogleAppsScript.HTML.HtmlTemplate;

/** The meta tags HtmlOutput.addMetaTag accepts (others are refused, per the reference page). */
const META_TAGS = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];

/** An HtmlOutput. Methods that chain return `this` as the full interface, which this class covers only in part. */
export class HtmlOutputImpl implements Pick<
  Output,
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'setContent'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'getMetaTags'
  | 'asTemplate'
  | 'getFaviconUrl'
  | 'setFaviconUrl'
> {
  private title = '';
  private width: number | undefined;
  private height: number | undefined;
  private favicon = '';
  private metaTags: { name: string; content: string }[] = [];
  /** The sandbox mode asked for; Google now serves every output in IFRAME mode. */
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';

  constructor(
    private scope: Scope,
    private content: string,
  ) {}

  private self(): Output {
    return standIn<Output>(this);
  }

  private count(method: string): void {
    enter(this.scope, `HtmlOutput.${method}`, 'free');
  }

  append(addedContent: string): Output {
    this.count('append');
    this.content += String(addedContent);
    return this.self();
  }

  appendUntrusted(addedContent: string): Output {
    this.count('appendUntrusted');
    this.content += escapeHtml(addedContent);
    return this.self();
  }

  clear(): Output {
    this.count('clear');
    this.content = '';
    return this.self();
  }

  getContent(): string {
    this.count('getContent');
    return this.content;
  }

  setContent(content: string): Output {
    this.count('setContent');
    this.content = String(content);
    return this.self();
  }

  getTitle(): string {
    this.count('getTitle');
    return this.title;
  }

  setTitle(title: string): Output {
    this.count('setTitle');
    this.title = String(title);
    return this.self();
  }

  /** The width set, or undefined (the reference gives no default). */
  getWidth(): number {
    this.count('getWidth');
    return this.width as number;
  }

  setWidth(width: number): Output {
    this.count('setWidth');
    this.width = Math.trunc(Number(width));
    return this.self();
  }

  getHeight(): number {
    this.count('getHeight');
    return this.height as number;
  }

  setHeight(height: number): Output {
    this.count('setHeight');
    this.height = Math.trunc(Number(height));
    return this.self();
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): Output {
    this.count('setSandboxMode');
    this.sandboxMode = enumName(mode) ?? String(mode);
    return this.self();
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): Output {
    this.count('setXFrameOptionsMode');
    this.xFrameOptionsMode = enumName(mode) ?? String(mode);
    return this.self();
  }

  addMetaTag(name: string, content: string): Output {
    this.count('addMetaTag');
    if (!META_TAGS.includes(String(name))) throw scriptError(this.scope.execution, `Meta tag name is not allowed: ${name}`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return this.self();
  }

  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    this.count('getMetaTags');
    return realmArray(
      this.scope.execution,
      this.metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content })),
    );
  }

  asTemplate(): Template {
    this.count('asTemplate');
    return standIn<Template>(new HtmlTemplateImpl(this.scope, this.content));
  }

  getFaviconUrl(): string {
    this.count('getFaviconUrl');
    return this.favicon;
  }

  setFaviconUrl(iconUrl: string): Output {
    this.count('setFaviconUrl');
    this.favicon = String(iconUrl);
    return this.self();
  }
}

/**
 * An HtmlTemplate: properties set on it become variables of its scriptlets
 * (`<? code ?>`, `<?= printed, escaped ?>`, `<?!= printed raw ?>`), which run in
 * the bundle's context so they can call the script's functions.
 */
export class HtmlTemplateImpl implements Pick<Template, 'evaluate' | 'getCode' | 'getRawContent'> {
  [property: string]: unknown;
  readonly #scope: Scope;
  readonly #raw: string;

  constructor(scope: Scope, raw: string) {
    this.#scope = scope;
    this.#raw = raw;
  }

  getRawContent(): string {
    enter(this.#scope, 'HtmlTemplate.getRawContent', 'free');
    return this.#raw;
  }

  getCode(): string {
    enter(this.#scope, 'HtmlTemplate.getCode', 'free');
    return compileTemplate(this.#raw);
  }

  evaluate(): Output {
    enter(this.#scope, 'HtmlTemplate.evaluate', 'free');
    const realm = this.#scope.execution.realm ?? vm.createContext({});
    const render = vm.runInContext(`(function (__props, __out, __escape) { with (__props) { ${compileTemplate(this.#raw)} } })`, realm) as (
      props: object,
      out: string[],
      escape: (value: unknown) => string,
    ) => void;
    const props = Object.fromEntries(Object.entries(this));
    const out: string[] = [];
    try {
      render(props, out, (value) => escapeHtml(printable(value)));
    } catch (error) {
      throw error instanceof SyntaxError ? scriptError(this.#scope.execution, `SyntaxError: ${error.message}`) : error;
    }
    return standIn<Output>(new HtmlOutputImpl(this.#scope, out.join('')));
  }
}

/** The JavaScript a template runs: text and printed scriptlets pushed to `__out`, code scriptlets as they are. */
export function compileTemplate(raw: string): string {
  const lines: string[] = [];
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    if (match.index > last) lines.push(`__out.push(${JSON.stringify(raw.slice(last, match.index))});`);
    const [, print, code = ''] = match;
    if (print === '=') lines.push(`__out.push(__escape(${code}));`);
    else if (print === '!=') lines.push(`__out.push(String((${code}) ?? ''));`);
    else lines.push(code);
    last = pattern.lastIndex;
  }
  if (last < raw.length) lines.push(`__out.push(${JSON.stringify(raw.slice(last))});`);
  return lines.join('\n');
}

function printable(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class HtmlServiceImpl implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private scope: Scope) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): Output {
    enter(this.scope, 'HtmlService.createHtmlOutput', 'free');
    return standIn<Output>(new HtmlOutputImpl(this.scope, html === undefined ? '' : this.text(html)));
  }

  createHtmlOutputFromFile(filename: string): Output {
    enter(this.scope, 'HtmlService.createHtmlOutputFromFile', 'free');
    return standIn<Output>(new HtmlOutputImpl(this.scope, this.read(filename)));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): Template {
    enter(this.scope, 'HtmlService.createTemplate', 'free');
    return standIn<Template>(new HtmlTemplateImpl(this.scope, this.text(html)));
  }

  createTemplateFromFile(filename: string): Template {
    enter(this.scope, 'HtmlService.createTemplateFromFile', 'free');
    return standIn<Template>(new HtmlTemplateImpl(this.scope, this.read(filename)));
  }

  private text(html: string | GoogleAppsScript.Base.BlobSource): string {
    return typeof html === 'string' ? html : html.getBlob().getDataAsString();
  }

  /** A project HTML file: `<dist>/<name>.html`, the name given with or without its extension. */
  private read(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.join(this.scope.world.settings.dist, `${name}.html`);
    if (!fs.existsSync(file)) throw scriptError(this.scope.execution, `No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  }
}
