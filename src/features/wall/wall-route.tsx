export function Component() {
  return (
    <section>
      <title>大屏 · 进度</title>
      <h1>大屏</h1>
      <p>自动轮播的大屏展示。(建设中)</p>
    </section>
  );
}
