import { fitTemplateValue, subscribeTemplatesSchema, templateData, TEMPLATE_FIELD_MAX_CHARS } from '@pingan/shared';
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
