/** 爱心超市: a community's catalogue redeemable with 爱心积分, and a redemption's life. */
export * from './market-item';
export * from './redemption';
