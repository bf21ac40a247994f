import './example-tag.css';

/** Where a figure came from, as the API says (`source.kind`). */
type Sourced = { source: { kind?: 'report' | 'update' | 'example' | undefined } };

/** A figure the demo's visitors entered (`source.kind = "example"`): illustrative, never the district's. */
export const isExample = (figure: Sourced | undefined): boolean => figure?.source.kind === 'example';

/** The 示例 label beside such a figure, wherever it is shown; nothing for the report's or a department's figures. */
export function ExampleTag({ figure }: { figure: Sourced | undefined }) {
  return isExample(figure) ? <ExampleMark /> : null;
}

/** The label itself, for a figure already known to be illustrative. */
export function ExampleMark() {
  return (
    <span className="example-tag" title="演示版中填写的示例数字,不是报告或部门的数据">
      示例
    </span>
  );
}
