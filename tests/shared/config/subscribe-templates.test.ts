import {
  fitTemplateValue,
  HELP_MESSAGE_KINDS,
  MESSAGE_KINDS,
  ORDER_MESSAGE_KINDS,
  SUBSCRIBE_KINDS,
  subscribeTemplatesSchema,
  templateData,
  TEMPLATE_FIELD_MAX_CHARS,
} from '@pingan/shared';
import { DEMO_SUBSCRIBE_TEMPLATES } from '../../../tools/seed/demo-documents';

describe('fitting values to WeChat template fields', () => {
  it('cuts a value over its type’s limit to the limit, ending in an ellipsis, counting characters not UTF-16 units', () => {
    const long = '小区东门外人行道上的共享单车堆放严重影响通行已经很久了';
    expect([...fitTemplateValue('thing1', long)]).toHaveLength(20);
    expect(fitTemplateValue('thing1', long).endsWith('…')).toBe(true);
    expect(fitTemplateValue('phrase2', '不予受理了')).toBe('不予受理了');
    expect(fitTemplateValue('phrase2', '不予受理理由')).toBe('不予受理…');
    expect([...fitTemplateValue('thing4', '𠀀'.repeat(25))]).toHaveLength(20);
  });

  it('leaves values of types without a limit, and values within it, as they are', () => {
    expect(fitTemplateValue('time3', '2026年12月01日 14:05')).toBe('2026年12月01日 14:05');
    expect(fitTemplateValue('thing1', '环境卫生')).toBe('环境卫生');
    expect(TEMPLATE_FIELD_MAX_CHARS.thing).toBe(20);
  });

  it('fills each mapped field, and shows 无 for an empty value (WeChat refuses an empty one)', () => {
    const template = { templateId: 't', fields: { thing1: 'category', thing4: 'note' } } as const;
    const values = { category: '环境卫生', status: '已受理', time: 'x', hint: 'y', note: '' };
    expect(templateData(template, values)).toEqual({ thing1: { value: '环境卫生' }, thing4: { value: '无' } });
  });

  it('shows 无 for a field mapped to a value the message’s kind does not have (an order has no category)', () => {
    const template = { templateId: 't', fields: { thing1: 'service', thing2: 'category', name3: 'person' } } as const;
    expect(templateData(template, { service: '上门理发', person: '王建国' })).toEqual({
      thing1: { value: '上门理发' },
      thing2: { value: '无' },
      name3: { value: '王建国' },
    });
  });
});

describe('settings/subscribeTemplates', () => {
  it('accepts the demo’s templates, and refuses a field key that is not a WeChat key or an unknown value', () => {
    expect(subscribeTemplatesSchema.safeParse(DEMO_SUBSCRIBE_TEMPLATES).success).toBe(true);
    const bad = (fields: Record<string, string>) => ({ miniprogramState: 'formal', templates: { accepted: { templateId: 't', fields } } });
    expect(subscribeTemplatesSchema.safeParse(bad({ thing1: 'openid' })).success).toBe(false);
    expect(subscribeTemplatesSchema.safeParse(bad({ 'thing1.value': 'category' })).success).toBe(false);
    expect(subscribeTemplatesSchema.safeParse({ ...bad({}), templates: { rated: { templateId: 't', fields: {} } } }).success).toBe(false);
  });
});

describe('the kinds a template may be set up for', () => {
  it('are every report kind, every service order kind and every help call kind, each once', () => {
    expect(SUBSCRIBE_KINDS).toEqual([...MESSAGE_KINDS, ...ORDER_MESSAGE_KINDS, ...HELP_MESSAGE_KINDS]);
    expect(new Set(SUBSCRIBE_KINDS).size).toBe(SUBSCRIBE_KINDS.length);
  });

  it('takes a template for an order’s kind, with its service, slot and person fields', () => {
    const orders = {
      miniprogramState: 'formal',
      templates: { orderClaimed: { templateId: 'tmpl-claimed', fields: { thing1: 'service', time2: 'slot', name3: 'person' } } },
    };
    expect(subscribeTemplatesSchema.safeParse(orders).success).toBe(true);
  });

  it('has a demo template for every kind, each field a WeChat key', () => {
    expect(Object.keys(DEMO_SUBSCRIBE_TEMPLATES.templates).sort()).toEqual([...SUBSCRIBE_KINDS].sort());
  });
});
