import { fireEvent, render, screen } from '@testing-library/react';
import AdjustForm from '../../../client/src/desk/settlement/adjust-form';
import { fail, installFakeLocalcloud, ok } from '../helpers/fake-localcloud';

const answer = (amount: number) =>
  ok({
    adjustment: { id: 'adjustment:u-informant-01:k', personId: 'u-informant-01', unit: 'fen', amount, monthKey: '2026-12', reason: 'r' },
  });

function fill(amount: string, reason: string) {
  fireEvent.change(document.querySelector('#adjust-amount') as HTMLElement, { target: { value: amount } });
  fireEvent.change(document.querySelector('#adjust-reason') as HTMLElement, { target: { value: reason } });
}
const submit = () => fireEvent.submit(document.querySelector('#adjust-form') as HTMLElement);
const confirm = () => fireEvent.click(document.querySelector('.confirm-dialog__confirm') as HTMLElement);

describe('调整金额 on the settlement desk', () => {
  it('sends the yuan typed as exact fen, only after asking once more, and keeps its key for a retry', async () => {
    let failures = 1;
    const cloud = installFakeLocalcloud({
      adjustPoints: (request) => (failures-- > 0 ? fail('INTERNAL.ERROR') : answer(request.amount as number)),
    });
    const done = jest.fn();
    render(<AdjustForm personId="u-informant-01" name="李明" onDone={done} />);
    fill('-0.29', '重复上报，扣回');
    submit();
    expect(cloud.calls.adjustPoints).toBeUndefined();
    expect(await screen.findByText('李明：-0.29 元。原因：重复上报，扣回。提交后不能撤回，如有错误需再做一次反向调整。')).toBeTruthy();
    confirm();
    expect(await screen.findByRole('alert')).toBeTruthy();
    submit();
    confirm();
    expect(await screen.findByText('已调整 -0.29 元，计入 2026-12 结算；已通知李明。')).toBeTruthy();
    const [first, second] = cloud.calls.adjustPoints as { amount: number; key: string; unit: string; reason: string }[];
    expect(first).toMatchObject({ personId: 'u-informant-01', unit: 'fen', amount: -29, reason: '重复上报，扣回' });
    expect(second?.key).toBe(first?.key);
    expect(done).toHaveBeenCalledTimes(1);

    // The next adjustment is another: a fresh key.
    fill('5', '补发');
    submit();
    confirm();
    expect(await screen.findByText('已调整 +5.00 元，计入 2026-12 结算；已通知李明。')).toBeTruthy();
    expect((cloud.calls.adjustPoints?.[2] as { key: string; amount: number }).amount).toBe(500);
    expect((cloud.calls.adjustPoints?.[2] as { key: string }).key).not.toBe(first?.key);
  });

  it.each(['1.234', '0', 'abc', '10000.01'])('refuses %j yuan before anything is sent', (amount) => {
    const cloud = installFakeLocalcloud({ adjustPoints: () => answer(1) });
    render(<AdjustForm personId="u-informant-01" name="李明" onDone={() => undefined} />);
    fill(amount, '原因');
    expect((document.querySelector('#adjust-submit') as HTMLButtonElement).disabled).toBe(true);
    submit();
    expect(document.querySelector('.confirm-dialog__confirm')).toBeNull();
    expect(cloud.calls.adjustPoints).toBeUndefined();
  });
});
