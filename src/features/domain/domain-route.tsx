export function Component() {
  return (
    <section>
      <title>领域详情 · 进度</title>
      <h1>领域详情</h1>
      <p>本领域的全部指标、图表、里程碑和原文出处。(建设中)</p>
    </section>
  );
}
