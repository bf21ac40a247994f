import type { Domain, Metric } from '../../api';
import { applyPaste, checkForm, emptyDraft, pastedCells, placeServerErrors, submissionOf } from './form-model';

function metric(id: string, extra: Partial<Metric> = {}): Metric {
  return {
    id,
    label: id,
    value: 10,
    unit: '个',
    qualifier: 'exact',
    asOf: '2017-06-27',
    asOfStated: true,
    direction: 'neutral',
    source: { quote: `${id}10个`, figure: '10个' },
    observationId: `o-${id}`,
    ...extra,
  };
}

const domain: Domain = {
  id: 'd',
  name: '领域',
  sectionId: 's',
  metrics: [metric('a'), metric('b'), metric('c')],
  milestones: [{ id: 'm1', text: '完成整治', state: 'in-progress', source: { quote: '完成整治' } }],
};
const context = { today: '2017-07-05', year: 2017 };

describe('pastedCells', () => {
  it('reads what Excel copies: lines by newline (CRLF too), cells by tab, the last newline dropped', () => {
    expect(pastedCells('1\r\n2\r\n3\r\n')).toEqual([['1'], ['2'], ['3']]);
    expect(pastedCells('1\t2017-07-02\n2\t2017-07-03')).toEqual([
      ['1', '2017-07-02'],
      ['2', '2017-07-03'],
    ]);
  });

  it('leaves a single cell to the browser', () => {
    expect(pastedCells('66\r\n')).toBeUndefined();
    expect(pastedCells('1,234')).toBeUndefined();
  });
});

describe('applyPaste', () => {
  it('fills from the cell pasted into, downwards and rightwards, and counts lines beyond the table', () => {
    const { rows, filled, overflow } = applyPaste({}, domain.metrics, 1, 'asOf', [
      ['2017-07-01', '台账'],
      ['2017-07-02', '通报', '备注', '多出的一列'],
      ['2017-07-03'],
    ]);
    expect(filled).toBe(2);
    expect(overflow).toBe(1);
    expect(rows.a).toBeUndefined();
    expect(rows.b).toMatchObject({ value: '', asOf: '2017-07-01', basis: '台账', supersedes: 'o-b' });
    expect(rows.c).toMatchObject({ asOf: '2017-07-02', basis: '通报', note: '备注' });
  });
});

describe('submissionOf', () => {
  it('sends the typed rows, the milestones that changed and the narrative, nothing else', () => {
    const draft = emptyDraft(domain);
    draft.rows.b = { value: '１２', asOf: '7月2日', basis: ' 台账 ', note: '', confirmed: '', supersedes: 'o-b' };
    draft.milestones.m1 = { state: 'done', note: '' };
    draft.narrative = { progress: '进展', problems: '', nextSteps: '' };
    const check = checkForm(domain, draft, context);
    expect(check).toMatchObject({ refusals: 0, unconfirmed: 0, hasContent: true });
    expect(submissionOf(domain, draft, check)).toEqual({
      body: {
        observations: [{ metricId: 'b', value: 12, asOf: '2017-07-02', basis: '台账', supersedes: 'o-b' }],
        milestones: [{ milestoneId: 'm1', state: 'done' }],
        narrative: { progress: '进展', problems: '', nextSteps: '' },
      },
      metricIds: ['b'],
      milestoneIds: ['m1'],
    });
  });

  it('has nothing to send from an untouched form', () => {
    expect(checkForm(domain, emptyDraft(domain), context).hasContent).toBe(false);
  });
});

describe('placeServerErrors', () => {
  it('puts each refused field of the body beside its input, by the metric sent at that index', () => {
    const { byField, other } = placeServerErrors(
      [
        { field: 'observations[1].asOf', detail: '晚于今天' },
        { field: 'observations[0].unit', detail: '单位不能换算' },
        { field: 'milestones[0].note', detail: '太长' },
        { field: 'narrative.problems', detail: '太长' },
        { field: 'resubmits', detail: '不是被退回的填报' },
      ],
      { metricIds: ['c', 'a'], milestoneIds: ['m1'] },
    );
    expect(Object.fromEntries(byField)).toEqual({
      'obs:a:asOf': '晚于今天',
      'obs:c:value': '单位不能换算',
      'ms:m1:note': '太长',
      'narrative:problems': '太长',
    });
    expect(other).toEqual(['resubmits: 不是被退回的填报']);
  });
});
