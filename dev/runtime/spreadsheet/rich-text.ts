// RichTextValue and its builder, as far as a cell's text and its link go
// (developers.google.com/apps-script/reference/spreadsheet/rich-text-value).
// Text styles are accepted and not kept; a link set on part of the text is kept
// for the whole cell.

import type { Ctx } from './context';
import { standIn } from '../stand-in';

type GRich = GoogleAppsScript.Spreadsheet.RichTextValue;
type GRichBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

export interface RichData {
  text: string;
  link: string | null;
}

const registry = new WeakMap<object, RichData>();

export function richDataOf(value: unknown): RichData {
  const data = typeof value === 'object' && value !== null ? registry.get(value) : undefined;
  if (!data) throw new Error("The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setRichTextValue.");
  return data;
}

export class RichTextValueImpl implements Pick<GRich, 'copy' | 'getEndIndex' | 'getLinkUrl' | 'getStartIndex' | 'getText'> {
  constructor(
    private readonly ctx: Ctx,
    data: RichData,
  ) {
    registry.set(this, { ...data });
  }

  private get data(): RichData {
    return registry.get(this)!;
  }

  copy(): GRichBuilder {
    this.ctx.call('RichTextValue.copy', 'free');
    return standIn<GRichBuilder>(new RichTextValueBuilderImpl(this.ctx, this.data));
  }

  getText(): string {
    this.ctx.call('RichTextValue.getText', 'free');
    return this.data.text;
  }

  getLinkUrl(startOffset?: number, endOffset?: number): string | null {
    this.ctx.call('RichTextValue.getLinkUrl', 'free');
    void startOffset;
    void endOffset;
    return this.data.link;
  }

  getStartIndex(): number {
    this.ctx.call('RichTextValue.getStartIndex', 'free');
    return 0;
  }

  getEndIndex(): number {
    this.ctx.call('RichTextValue.getEndIndex', 'free');
    return this.data.text.length;
  }
}

export class RichTextValueBuilderImpl implements Pick<GRichBuilder, 'build' | 'setLinkUrl' | 'setText' | 'setTextStyle'> {
  private data: RichData;

  constructor(
    private readonly ctx: Ctx,
    data: RichData = { text: '', link: null },
  ) {
    this.data = { ...data };
  }

  private self(): GRichBuilder {
    return standIn<GRichBuilder>(this);
  }

  build(): GRich {
    this.ctx.call('RichTextValueBuilder.build', 'free');
    return standIn<GRich>(new RichTextValueImpl(this.ctx, this.data));
  }

  setText(text: string): GRichBuilder {
    this.ctx.call('RichTextValueBuilder.setText', 'free');
    this.data.text = String(text);
    return this.self();
  }

  setLinkUrl(a: number | string | null, endOffset?: number, linkUrl?: string | null): GRichBuilder {
    this.ctx.call('RichTextValueBuilder.setLinkUrl', 'free');
    if (typeof a === 'number') {
      if (a < 0 || endOffset === undefined || endOffset > this.data.text.length || endOffset < a) {
        throw new Error('The start and end offsets must be within the text.');
      }
      this.data.link = linkUrl ?? null;
    } else this.data.link = a;
    return this.self();
  }

  setTextStyle(a: unknown, b?: unknown, c?: unknown): GRichBuilder {
    this.ctx.call('RichTextValueBuilder.setTextStyle', 'free');
    void [a, b, c];
    return this.self();
  }
}
