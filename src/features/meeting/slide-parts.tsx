import type { ReactNode } from 'react';

/** Slides are h1 on screen and h2 inside the printed briefing, whose pages share one document. */
export type Level = 1 | 2;

type HeadingProps = { level: 1 | 2 | 3 | 4; id?: string; className?: string; children: ReactNode };

export function Heading({ level, id, className, children }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}
