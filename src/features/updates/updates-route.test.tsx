import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiBaseUrl, type Domain } from '../../api';
import type { UpdateSubmission } from '../../api/tracking-schemas';
import { fakeAccountsApi, sessionUser } from '../../testing/accounts-api';
import { renderApp } from '../../testing/render';
import { fakeUpdatesApi, observation, problemJson, update } from '../../testing/updates-api';

const WANG = sessionUser('wang', 'updater', ['air-pollution', 'greening']);
/** One domain is enough where the test is about the form: half the rows to draw on a loaded machine. */
const WANG_AIR = sessionUser('wang', 'updater', ['air-pollution']);

async function currentDomain(domainId: string): Promise<Domain> {
  const response = await fetch(`${apiBaseUrl}/reports/erqi-2017-h1/domains/${domainId}`);
  return (await response.json()) as Domain;
}

async function openUpdates() {
  const rendered = renderApp('/updates');
  await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
  return rendered;
}

async function airForm() {
  return screen.findByRole('form', { name: '大气污染防治填报' }, { timeout: 10_000 });
}

/** Puts text into a field in one input event (as a browser's autofill or an IME commit does): typing 29-row forms key by key is slow in jsdom. */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  // The demo's API has a cycle open (2017-07-12), so a typed value fills in the as-of date the cycle expects: replace it.
  await user.clear(input);
  await user.paste(text);
}

const bodies = (sent: { body: unknown }[]) => sent.map((s) => s.body as UpdateSubmission);

describe('/updates: who may use it', () => {
  it('asks someone not signed in to sign in, and brings them back', async () => {
    fakeAccountsApi();
    await openUpdates();
    expect(screen.getByRole('heading', { level: 1, name: '请先登录' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: '登录' })).toHaveAttribute('href', '/login?next=%2Fupdates');
  });

  it('tells a viewer that only updaters submit, and a reviewer where the review is', async () => {
    fakeAccountsApi({ session: sessionUser('zhao', 'viewer') });
    const first = await openUpdates();
    expect(screen.getByRole('heading', { level: 1, name: '填报只对填报员开放' })).toBeInTheDocument();
    expect(screen.getByText(/当前登录的 zhao 是查看者/)).toBeInTheDocument();
    first.unmount();

    fakeAccountsApi({ session: sessionUser('li', 'reviewer') });
    await openUpdates();
    expect(within(screen.getByRole('main')).getByRole('link', { name: '审核' })).toHaveAttribute('href', '/review');
  });
});

describe('/updates: the form', () => {
  it('shows a table per assigned domain with each metric’s last approved value and date', async () => {
    fakeAccountsApi({ session: WANG });
    fakeUpdatesApi();
    await openUpdates();
    const form = await airForm();
    expect(screen.getByRole('form', { name: '生态绿化建设填报' })).toBeInTheDocument();
    const row = within(form).getByRole('rowheader', { name: '优良天数' }).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('66天');
    expect(row).toHaveTextContent('截至6月23日');
    expect(within(form).getByRole('group', { name: '情况说明' })).toBeInTheDocument();
    expect(within(form).getByLabelText('工作进展')).toBeInTheDocument();
    // The cycle and the date are the API's (the demo's is pinned to Wednesday 2017-07-12), not this machine's.
    expect(screen.getByText('本期填报周期:2017年7月10日至2017年7月17日,2017年7月17日 12:00 截止。')).toBeInTheDocument();
    expect(screen.getByTestId('pinned-date-note')).toHaveTextContent('示例 演示日期固定为2017年7月12日(星期三)');
  });

  it('reads full-width digits, previews the status, and holds the update until an odd figure is confirmed', async () => {
    fakeAccountsApi({ session: WANG_AIR });
    const api = fakeUpdatesApi();
    await openUpdates();
    const form = await airForm();
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('优良天数 新值'), '９０'); // typed key by key, as an IME sends it
    await fill(user, within(form).getByLabelText('优良天数 截至日期'), '7月2日');

    const row = within(form).getByRole('rowheader', { name: '优良天数' }).closest('tbody') as HTMLElement;
    // 66 → 90 days by 2 July: from behind the pace to on track.
    expect(within(row).getByText('滞后')).toBeInTheDocument();
    expect(within(row).getByText('正常')).toBeInTheDocument();
    expect(within(row).getByText('变为')).toBeInTheDocument();
    // 24 more good days in 9 days is asked about, not refused.
    expect(within(row).getByText(/只过去了9天/)).toBeInTheDocument();
    expect(within(form).getByLabelText('优良天数 新值')).not.toHaveAttribute('aria-invalid');

    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    expect(within(form).getByText(/有 1 行的提示需要勾选确认/)).toBeInTheDocument();
    await waitFor(() => expect(within(row).getByLabelText('已核对,优良天数的数据无误')).toHaveFocus());
    expect(api.sent).toHaveLength(0);

    // A changed figure is checked afresh: 901 days cannot be, whatever was ticked before.
    await user.click(within(row).getByLabelText('已核对,优良天数的数据无误'));
    expect(within(row).getByLabelText('已核对,优良天数的数据无误')).toBeChecked();
    await user.type(within(form).getByLabelText('优良天数 新值'), '1');
    expect(within(form).getByLabelText('优良天数 新值')).toHaveAccessibleDescription(/901天超过了全年的365天/);
    expect(within(row).queryByLabelText('已核对,优良天数的数据无误')).not.toBeInTheDocument();
  });

  it('submits the whole update in one request: each figure read, what it supersedes, the narrative', async () => {
    fakeAccountsApi({ session: WANG_AIR });
    const api = fakeUpdatesApi();
    await openUpdates();
    const form = await airForm();
    const user = userEvent.setup();
    await fill(user, within(form).getByLabelText('优良天数 新值'), '90');
    await fill(user, within(form).getByLabelText('优良天数 截至日期'), '2017年7月2日');
    await fill(user, within(form).getByLabelText('优良天数 依据'), '环保局7月通报');
    await fill(user, within(form).getByLabelText('巡查工地 新值'), '1,234');
    await fill(user, within(form).getByLabelText('巡查工地 截至日期'), '2017-07-02');
    await user.click(within(form).getByLabelText('已核对,优良天数的数据无误'));
    await fill(user, within(form).getByLabelText('工作进展'), '完成6月巡查');
    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    expect(await within(form).findByText(/已提交,等待督查室审核/)).toBeInTheDocument();

    const air = await currentDomain('air-pollution');
    const byId = (id: string) => air.metrics.find((m) => m.id === id)?.observationId;
    expect(api.sent.map((s) => s.path)).toEqual(['/reports/erqi-2017-h1/domains/air-pollution/updates']);
    expect(bodies(api.sent)[0]).toEqual({
      observations: [
        { metricId: 'good-air-days', value: 90, asOf: '2017-07-02', basis: '环保局7月通报', supersedes: byId('good-air-days') },
        { metricId: 'site-inspections', value: 1234, asOf: '2017-07-02', supersedes: byId('site-inspections') },
      ],
      narrative: { progress: '完成6月巡查', problems: '', nextSteps: '' },
    });
    // Sent: the form is empty again and the update shows as pending.
    expect(within(form).getByLabelText('优良天数 新值')).toHaveValue('');
    expect(await screen.findByText('待审核')).toBeInTheDocument();
  });

  it('converts a unit that converts exactly (万元 into a metric in 亿元)', async () => {
    fakeAccountsApi({ session: sessionUser('qian', 'updater', ['economy']) });
    const api = fakeUpdatesApi();
    await openUpdates();
    const form = await screen.findByRole('form', { name: '主要经济指标填报' }, { timeout: 10_000 });
    const user = userEvent.setup();
    await fill(user, within(form).getByLabelText('一般公共预算收入 新值'), '149430万元');
    await fill(user, within(form).getByLabelText('一般公共预算收入 截至日期'), '2017-06-30');
    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    await within(form).findByText(/已提交/);
    expect(bodies(api.sent)[0]?.observations[0]).toMatchObject({ metricId: 'public-budget-revenue', value: 14.943, asOf: '2017-06-30' });
  });

  it('puts refusals beside their field and sends nothing: not a number, a date outside the year', async () => {
    fakeAccountsApi({ session: WANG_AIR });
    const api = fakeUpdatesApi();
    await openUpdates();
    const form = await airForm();
    const user = userEvent.setup();
    await fill(user, within(form).getByLabelText('优良天数 新值'), '九十');
    await fill(user, within(form).getByLabelText('优良天数 截至日期'), '2016-12-31');
    const value = within(form).getByLabelText('优良天数 新值');
    const asOf = within(form).getByLabelText('优良天数 截至日期');
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription(/优良天数/);
    expect(asOf).toHaveAttribute('aria-invalid', 'true');
    expect(asOf).toHaveAccessibleDescription(/不在计划年度（2017年）之内/);
    // Details without a value are not dropped silently either (said once the person tries to send).
    await fill(user, within(form).getByLabelText('施工工地 依据'), '台账');

    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    expect(within(form).getByText(/有 3 处需要修改/)).toBeInTheDocument();
    expect(within(form).getByLabelText('施工工地 新值')).toHaveAccessibleDescription(/没有新值/);
    await waitFor(() => expect(value).toHaveFocus());
    expect(api.sent).toHaveLength(0);
  });

  it('fills the rows below from a column pasted from Excel, with the columns to its right', async () => {
    fakeAccountsApi({ session: WANG_AIR });
    fakeUpdatesApi();
    await openUpdates();
    const form = await airForm();
    const user = userEvent.setup();
    await user.click(within(form).getByLabelText('优良天数 新值'));
    await user.paste('70\t2017-07-02\n80\t2017-07-02\n300\n');
    expect(within(form).getByLabelText('优良天数 新值')).toHaveValue('70');
    expect(within(form).getByLabelText('优良天数 截至日期')).toHaveValue('2017-07-02');
    expect(within(form).getByLabelText('PM2.5累积浓度 新值')).toHaveValue('80');
    expect(within(form).getByLabelText('施工工地 新值')).toHaveValue('300');
    expect(within(form).getByLabelText('末端网格人员 新值')).toHaveValue('');
    expect(within(form).getByText('已粘贴 3 行。')).toBeInTheDocument();
  });

  it('on a 409 shows what was approved meanwhile beside what was typed, keeps it, and resubmits against the current figure', async () => {
    fakeAccountsApi({ session: WANG_AIR });
    const api = fakeUpdatesApi({
      submit: (_body, count) =>
        count === 1
          ? problemJson(409, '数据已被他人更新', {
              type: 'https://jindu.example/problems/superseded',
              detail: '以下指标在填报期间已有新的审核通过数据：good-air-days。',
              current: [
                {
                  metricId: 'good-air-days',
                  supersedes: 'stale',
                  observation: observation('good-air-days', 88, '天', { id: 'o-88', state: 'approved', asOf: '2017-07-01', enteredBy: { id: 'u-zhang', username: 'zhang' } }),
                },
              ],
            })
          : undefined,
    });
    await openUpdates();
    const form = await airForm();
    const user = userEvent.setup();
    await fill(user, within(form).getByLabelText('优良天数 新值'), '70');
    await fill(user, within(form).getByLabelText('优良天数 截至日期'), '2017-07-02');
    await user.click(within(form).getByRole('button', { name: '提交审核' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('数据已被他人更新');
    expect(alert).toHaveTextContent('你填的是「70」');
    expect(alert).toHaveTextContent('现在审核通过的是 88天(截至7月1日,zhang 填报)');
    expect(within(form).getByLabelText('优良天数 新值')).toHaveValue('70');
    const row = within(form).getByRole('rowheader', { name: '优良天数' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('填写期间已有新数据')).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    await within(form).findByText(/已提交/);
    expect(bodies(api.sent).map((b) => b.observations[0]?.supersedes)).toEqual([expect.stringMatching(/^\d+$/), 'o-88']);
  });

  it('puts the server’s 422 beside the field it names', async () => {
    fakeAccountsApi({ session: WANG_AIR });
    fakeUpdatesApi({
      submit: () =>
        problemJson(422, '数据不符合要求', {
          detail: 'observations[0].asOf: 优良天数的截至日期2017-07-02晚于今天（2017-07-01）',
          errors: [{ field: 'observations[0].asOf', detail: '优良天数的截至日期2017-07-02晚于今天（2017-07-01）' }],
        }),
    });
    await openUpdates();
    const form = await airForm();
    const user = userEvent.setup();
    await fill(user, within(form).getByLabelText('优良天数 新值'), '70');
    await fill(user, within(form).getByLabelText('优良天数 截至日期'), '2017-07-02');
    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    expect(await within(form).findByText(/服务器未接受这次填报/)).toBeInTheDocument();
    expect(within(form).getByLabelText('优良天数 截至日期')).toHaveAccessibleDescription(/晚于今天（2017-07-01）/);
  });

  it('shows a returned update with the reviewer’s comment, loads it back, and resubmits it', async () => {
    fakeAccountsApi({ session: WANG });
    const api = fakeUpdatesApi({
      updates: [
        update('198', 'air-pollution', {
          state: 'returned',
          observations: [observation('good-air-days', 70, '天', { state: 'returned', basis: '估算' })],
          narrative: { progress: '巡查', problems: '', nextSteps: '' },
          review: { by: { id: 'u-li', username: 'li' }, at: '2017-07-05T03:00:00.000Z', decision: 'return', comment: '请附统计局月报' },
        }),
        update('199', 'greening', { observations: [observation('canal-park-greened', 25, '万平方米')] }),
      ],
    });
    await openUpdates();
    const form = await airForm();
    const returned = await screen.findByRole('region', { name: /被退回的填报/ });
    expect(returned).toHaveTextContent('li 退回了这次填报');
    expect(returned).toHaveTextContent('请附统计局月报');
    // The other domain's is pending.
    const greening = screen.getByRole('region', { name: '生态绿化建设' });
    expect(within(greening).getByText('待审核')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(within(returned).getByRole('button', { name: '载入表格修改后重新提交' }));
    expect(within(form).getByLabelText('优良天数 新值')).toHaveValue('70');
    expect(within(form).getByLabelText('工作进展')).toHaveValue('巡查');
    await user.clear(within(form).getByLabelText('优良天数 依据'));
    await fill(user, within(form).getByLabelText('优良天数 依据'), '统计局6月月报');
    await user.click(within(form).getByRole('button', { name: '重新提交审核' }));
    await within(form).findByText(/已提交/);
    expect(bodies(api.sent)[0]).toMatchObject({ resubmits: '198', observations: [{ metricId: 'good-air-days', value: 70, basis: '统计局6月月报' }] });
  });
});
