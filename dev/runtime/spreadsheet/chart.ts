// Class EmbeddedChartBuilder (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder),
// its typed forms (embedded-pie-chart-builder, embedded-column-chart-builder,
// embedded-bar-chart-builder, embedded-line-chart-builder: here the same object
// with the type set), class EmbeddedChart (.../spreadsheet/embedded-chart),
// ContainerInfo (.../spreadsheet/container-info) and ChartOptions
// (.../charts/chart-options). Sheet.newChart/insertChart/updateChart/removeChart
// (sheet.ts) read a chart passed back through chartDataOf.
//
// What is not here: getAs/getBlob (no image is rendered), the other typed
// builders' own methods, and charts of pivot or data-source ranges.

import type { Ctx, GRange } from './context';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType, Position, memberOf } from './enums';
import { signatureError } from './geometry';
import type { ChartData } from './model';
import { RangeBound } from './sheet-bound';
import { standIn } from '../stand-in';

type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GContainer = GoogleAppsScript.Spreadsheet.ContainerInfo;

/** A chart made by a builder and not yet inserted has id 0: getChartId() is then null, as the reference says. */
export const NOT_INSERTED = 0;

/**
 * What a built chart holds, where it was built (for getRanges on a chart not yet
 * inserted), and whether a range of another spreadsheet was added to it.
 */
export interface BuiltChart {
  data: ChartData;
  docId: string;
  foreign: boolean;
}

const registry = new WeakMap<object, BuiltChart>();

/** The data behind an EmbeddedChart passed back by a script (insertChart, updateChart, removeChart). */
export function chartDataOf(chart: unknown, method: string): BuiltChart {
  const found = chart !== null && typeof chart === 'object' ? registry.get(chart) : undefined;
  if (!found) throw signatureError([chart], method);
  return found;
}

export function newChartData(): ChartData {
  return {
    id: NOT_INSERTED,
    // The reference names no default type (every sample sets one); LINE stands in.
    type: 'LINE',
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_BOTH',
  };
}

/** The options Sheets reports when none was set (ChartOptions.getOrDefault); others have no known default. */
const DEFAULTS: Record<string, unknown> = { 'legend.position': 'right', isStacked: false, title: '' };

/** Option values are kept as JSON, so a saved workbook keeps them and no object of the script's realm stays behind. */
function jsonOf(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function rangesOf(ctx: Ctx, docId: string, data: ChartData): GRange[] {
  const sheets = ctx.store.doc(docId).sheets;
  // A range whose sheet was deleted is gone from the chart (Sheets shows #REF! in the chart editor).
  return data.ranges.filter((r) => sheets.some((s) => s.id === r.sheetId)).map((r) => ctx.make.range(docId, r.sheetId, { ...r.box }));
}

function containerOf(data: ChartData): GContainer {
  const { row, column, offsetX, offsetY } = data.position;
  return { getAnchorRow: () => row, getAnchorColumn: () => column, getOffsetX: () => offsetX, getOffsetY: () => offsetY };
}

type BuilderCovered =
  | 'addRange'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getContainer'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setHiddenDimensionStrategy'
  | 'setMergeStrategy'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'setTransposeRowsAndColumns';

export class EmbeddedChartBuilderImpl implements Pick<GBuilder, BuilderCovered> {
  private readonly data: ChartData;
  /** A range of another spreadsheet was added: insertChart refuses the chart (sheet.ts). */
  private foreign = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly docId: string,
    data: ChartData,
  ) {
    this.data = structuredClone(data);
  }

  private self(name: string): GBuilder {
    this.ctx.call(`EmbeddedChartBuilder.${name}`, 'free');
    return standIn<GBuilder>(this);
  }

  private range(range: unknown, name: string): { sheetId: number; box: ChartData['ranges'][number]['box']; docId: string } {
    if (!(range instanceof RangeBound)) throw signatureError([range], `SpreadsheetApp.EmbeddedChartBuilder.${name}`);
    return { sheetId: range.sheetId, box: { ...range.box }, docId: range.docId };
  }

  /** "Adds a range to the chart this builder modifies. Does not add the range if it has already been added to the chart." */
  addRange(range: GRange): GBuilder {
    const { sheetId, box, docId } = this.range(range, 'addRange');
    if (docId !== this.docId) this.foreign = true;
    const same = this.data.ranges.some((r) => r.sheetId === sheetId && JSON.stringify(r.box) === JSON.stringify(box));
    if (!same) this.data.ranges.push({ sheetId, box });
    return this.self('addRange');
  }

  /** "Removes the specified range from the chart this builder modifies. Does not throw an error if the range is not in this chart." */
  removeRange(range: GRange): GBuilder {
    const { sheetId, box } = this.range(range, 'removeRange');
    this.data.ranges = this.data.ranges.filter((r) => !(r.sheetId === sheetId && JSON.stringify(r.box) === JSON.stringify(box)));
    return this.self('removeRange');
  }

  clearRanges(): GBuilder {
    this.data.ranges = [];
    this.foreign = false;
    return this.self('clearRanges');
  }

  getRanges(): GRange[] {
    this.ctx.call('EmbeddedChartBuilder.getRanges', 'free');
    return rangesOf(this.ctx, this.docId, this.data);
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): GBuilder {
    const name = String(type);
    if (!Object.hasOwn(ChartType, name)) throw signatureError([type], 'SpreadsheetApp.EmbeddedChartBuilder.setChartType');
    this.data.type = name;
    return this.self('setChartType');
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    this.ctx.call('EmbeddedChartBuilder.getChartType', 'free');
    return memberOf(ChartType, this.data.type);
  }

  getContainer(): GContainer {
    this.ctx.call('EmbeddedChartBuilder.getContainer', 'free');
    return containerOf(this.data);
  }

  private as(type: string, name: string): never {
    this.data.type = type;
    return this.self(name) as never;
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as('PIE', 'asPieChart');
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as('COLUMN', 'asColumnChart');
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as('BAR', 'asBarChart');
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as('LINE', 'asLineChart');
  }

  setOption(option: string, value: unknown): GBuilder {
    this.data.options[String(option)] = jsonOf(value);
    return this.self('setOption');
  }

  /** "Sets the position, changing where the chart appears on the sheet": anchor row and column (1-based), offsets in pixels. */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    const numbers = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!numbers.every((n) => typeof n === 'number' && Number.isInteger(n))) {
      throw signatureError(numbers, 'SpreadsheetApp.EmbeddedChartBuilder.setPosition');
    }
    this.data.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self('setPosition');
  }

  setNumHeaders(headers: number): GBuilder {
    if (typeof headers !== 'number' || !Number.isInteger(headers)) {
      throw signatureError([headers], 'SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders');
    }
    this.data.numHeaders = headers;
    return this.self('setNumHeaders');
  }

  setTransposeRowsAndColumns(transpose: boolean): GBuilder {
    this.data.transpose = transpose === true;
    return this.self('setTransposeRowsAndColumns');
  }

  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): GBuilder {
    const name = String(mergeStrategy);
    if (!Object.hasOwn(ChartMergeStrategy, name))
      throw signatureError([mergeStrategy], 'SpreadsheetApp.EmbeddedChartBuilder.setMergeStrategy');
    this.data.mergeStrategy = name;
    return this.self('setMergeStrategy');
  }

  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): GBuilder {
    const name = String(strategy);
    if (!Object.hasOwn(ChartHiddenDimensionStrategy, name)) {
      throw signatureError([strategy], 'SpreadsheetApp.EmbeddedChartBuilder.setHiddenDimensionStrategy');
    }
    this.data.hiddenDimensionStrategy = name;
    return this.self('setHiddenDimensionStrategy');
  }

  // The typed builders' methods the add-on uses (each is an option of the chart, as the Charts reference says).

  setTitle(chartTitle: string): GBuilder {
    this.data.options.title = String(chartTitle);
    return this.self('setTitle');
  }

  setColors(cssValues: string[]): GBuilder {
    if (!Array.isArray(cssValues)) throw signatureError([cssValues], 'SpreadsheetApp.EmbeddedChartBuilder.setColors');
    this.data.options.colors = cssValues.map(String);
    return this.self('setColors');
  }

  setLegendPosition(position: GoogleAppsScript.Charts.Position): GBuilder {
    const name = String(position);
    if (!Object.hasOwn(Position, name)) throw signatureError([position], 'SpreadsheetApp.EmbeddedChartBuilder.setLegendPosition');
    this.data.options['legend.position'] = name.toLowerCase();
    return this.self('setLegendPosition');
  }

  /** Column and line charts: the value axis is vertical; a bar chart's is horizontal. */
  setRange(start: number, end: number): GBuilder {
    const axis = this.data.type === 'BAR' ? 'hAxis' : 'vAxis';
    this.data.options[`${axis}.viewWindow.min`] = Number(start);
    this.data.options[`${axis}.viewWindow.max`] = Number(end);
    return this.self('setRange');
  }

  setStacked(): GBuilder {
    this.data.options.isStacked = true;
    return this.self('setStacked');
  }

  build(): GChart {
    this.ctx.call('EmbeddedChartBuilder.build', 'free');
    return this.ctx.make.chart(this.docId, this.data, this.foreign);
  }
}

type ChartCovered =
  | 'getChartId'
  | 'getContainerInfo'
  | 'getHiddenDimensionStrategy'
  | 'getMergeStrategy'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify';

/** An EmbeddedChart: a copy of the chart as it was built or read, as Apps Script's objects are. */
export class EmbeddedChartImpl implements Pick<GChart, ChartCovered> {
  private readonly data: ChartData;

  constructor(
    private readonly ctx: Ctx,
    private readonly docId: string,
    data: ChartData,
    foreign: boolean,
  ) {
    this.data = structuredClone(data);
    registry.set(this, { data: this.data, docId, foreign });
  }

  /** "A stable identifier for the chart that is unique across the spreadsheet containing the chart or null if the chart is not in a spreadsheet." */
  getChartId(): number | null {
    this.ctx.call('EmbeddedChart.getChartId', 'read');
    return this.data.id === NOT_INSERTED ? null : this.data.id;
  }

  /** The reference's string identifier ("Returns a stable identifier for the chart"); null before insertion, like getChartId. */
  getId(): string | null {
    this.ctx.call('EmbeddedChart.getId', 'read');
    return this.data.id === NOT_INSERTED ? null : `u${this.data.id}`;
  }

  getRanges(): GRange[] {
    this.ctx.call('EmbeddedChart.getRanges', 'read');
    return rangesOf(this.ctx, this.docId, this.data);
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions & { getOrDefault(option: string): unknown } {
    this.ctx.call('EmbeddedChart.getOptions', 'read');
    const options = structuredClone(this.data.options);
    const get = (option: string): unknown => (Object.hasOwn(options, option) ? structuredClone(options[option]) : null);
    return { get, getOrDefault: (option) => get(option) ?? (Object.hasOwn(DEFAULTS, option) ? DEFAULTS[option] : null) };
  }

  getContainerInfo(): GContainer {
    this.ctx.call('EmbeddedChart.getContainerInfo', 'read');
    return containerOf(this.data);
  }

  getNumHeaders(): number {
    this.ctx.call('EmbeddedChart.getNumHeaders', 'read');
    return this.data.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    this.ctx.call('EmbeddedChart.getTransposeRowsAndColumns', 'read');
    return this.data.transpose;
  }

  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    this.ctx.call('EmbeddedChart.getMergeStrategy', 'read');
    return memberOf(ChartMergeStrategy, this.data.mergeStrategy);
  }

  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    this.ctx.call('EmbeddedChart.getHiddenDimensionStrategy', 'read');
    return memberOf(ChartHiddenDimensionStrategy, this.data.hiddenDimensionStrategy);
  }

  /** "Returns an EmbeddedChartBuilder that can be used to modify this chart": pre-filled, keeping the chart's id. */
  modify(): GBuilder {
    this.ctx.call('EmbeddedChart.modify', 'read');
    return this.ctx.make.chartBuilder(this.docId, this.data);
  }
}

/** The Charts global: its enums (the add-on builds embedded charts through Sheet.newChart, not Charts.new*Chart). */
export function createCharts(): Pick<
  GoogleAppsScript.Charts.Charts,
  'ChartType' | 'Position' | 'ChartMergeStrategy' | 'ChartHiddenDimensionStrategy'
> {
  return Object.freeze({ ChartType, Position, ChartMergeStrategy, ChartHiddenDimensionStrategy });
}
