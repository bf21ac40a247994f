export function Component() {
  return (
    <section>
      <title>会议模式 · 进度</title>
      <h1>会议模式</h1>
      <p>按紧急程度排列的议程,每个领域一页幻灯片,以及可打印的简报。(建设中)</p>
    </section>
  );
}
