export function Component() {
  return (
    <section>
      <title>报告原文 · 进度</title>
      <h1>报告原文</h1>
      <p>重新拼接的报告原文,每个数字都链接到对应指标。(建设中)</p>
    </section>
  );
}
