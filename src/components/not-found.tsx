import { Link } from 'react-router';

type Props = { what?: string };

/** The 404 view: used for unknown routes and for ids the API does not know. */
export function NotFound({ what = '这个页面' }: Props) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <title>未找到 · 进度</title>
      <h1 id="not-found-title">未找到{what}</h1>
      <p>链接可能有误,或该内容已不在本期报告中。</p>
      <p>
        <Link to="/" className="button">
          返回总览
        </Link>
      </p>
    </section>
  );
}
