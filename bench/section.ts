/** One section of the benchmark report: a title and the Markdown under it. */
export interface Section {
  title: string;
  run: () => string | Promise<string>;
}
