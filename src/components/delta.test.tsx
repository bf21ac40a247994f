import { render, screen } from '@testing-library/react';
import { DeltaText, formatDelta, metricDelta } from './delta';

const previous = (value: number, asOf: string, unit = '%') => ({ id: '17', value, unit, qualifier: 'exact' as const, asOf });

describe('较上次', () => {
  it('is exact, with the days between the two as-of dates', () => {
    const delta = metricDelta({ value: 88.28, unit: '%', asOf: '2017-07-02', previous: previous(80.1, '2017-06-23') });
    expect(delta).toEqual({ value: 8.18, unit: '%', days: 9 });
    expect(formatDelta({ value: 8.18, unit: '%' })).toBe('+8.18%');
  });

  it('has none for the report’s own figures, nor across units it cannot compare', () => {
    expect(metricDelta({ value: 66, unit: '天', asOf: '2017-06-23', previous: null })).toBeUndefined();
    expect(metricDelta({ value: 66, unit: '天', asOf: '2017-06-23' })).toBeUndefined();
    expect(metricDelta({ value: 9, unit: '亿元', asOf: '2017-07-02', previous: previous(9430, '2017-06-23', '万元') })).toBeUndefined();
  });

  it('signs a fall with a true minus and says whether it went the good way', () => {
    const { container } = render(
      <DeltaText delta={{ value: -2, unit: '微克/立方米', days: 9 }} direction="lower" label="PM2.5累积浓度" />,
    );
    expect(container).toHaveTextContent('PM2.5累积浓度 较上次 ▼ −2微克/立方米 向好 · 间隔9天');
    expect(container.firstElementChild).toHaveAttribute('data-way', 'better');
  });

  it('calls a fall of a higher-is-better figure worse, and no change 持平', () => {
    render(
      <>
        <DeltaText delta={{ value: -3, unit: '天', days: 7 }} direction="higher" />
        <DeltaText delta={{ value: 0, unit: '天', days: 7 }} direction="higher" />
      </>,
    );
    expect(screen.getByText(/变差/)).toBeInTheDocument();
    expect(screen.getByText(/持平/)).toBeInTheDocument();
  });
});
